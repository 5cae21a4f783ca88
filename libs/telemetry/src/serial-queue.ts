/**
 * A bounded queue whose items are handled one at a time, in order, by an
 * async function: what a slow consumer (a network sink, a file writer whose
 * calls must not overlap) needs so that whoever pushes never waits. When
 * `limit` items wait, a new one is dropped and counted; a failing item is
 * counted and the next one goes on.
 *
 * @example
 * const queue = new SerialQueue((message: string) => socket.send(message), 64);
 * queue.push('hello'); // false when dropped
 * await queue.drained();
 */
export class SerialQueue<T> {
  private readonly items: T[] = [];
  private running = false;
  private droppedCount = 0;
  private failedCount = 0;
  private firstError: unknown;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly work: (item: T) => Promise<void>,
    /** Items that may wait (besides the one in hand). */
    readonly limit: number,
  ) {}

  /** Items dropped because `limit` were waiting. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Items whose handling threw or rejected. */
  get failed(): number {
    return this.failedCount;
  }

  /** What the first failed item threw, if any. */
  get error(): unknown {
    return this.firstError;
  }

  /** Items waiting or in hand. */
  get pending(): number {
    return this.items.length + (this.running ? 1 : 0);
  }

  /** Queues an item; returns at once, `false` if it was dropped. */
  push(item: T): boolean {
    if (this.items.length >= this.limit) {
      this.droppedCount += 1;
      return false;
    }
    this.items.push(item);
    if (!this.running) void this.run();
    return true;
  }

  /** Resolves once every item pushed so far has been handled. */
  drained(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async run(): Promise<void> {
    this.running = true;
    for (let item = this.items.shift(); item !== undefined; item = this.items.shift()) {
      try {
        await this.work(item);
      } catch (error) {
        this.failedCount += 1;
        if (this.failedCount === 1) this.firstError = error;
      }
    }
    this.running = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
