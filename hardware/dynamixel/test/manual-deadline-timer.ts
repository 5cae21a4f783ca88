import type { DeadlineTimer } from '../src/bus/deadline-timer';

/** A deadline the test expires by hand: timeouts without waiting, deterministically. */
export class ManualDeadlineTimer implements DeadlineTimer {
  delayMicros = 0;
  private onExpire: (() => void) | undefined;

  get armed(): boolean {
    return this.onExpire !== undefined;
  }

  arm(delayMicros: number, onExpire: () => void): void {
    this.delayMicros = delayMicros;
    this.onExpire = onExpire;
  }

  disarm(): void {
    this.onExpire = undefined;
  }

  dispose(): void {
    this.onExpire = undefined;
  }

  /** Fires the pending deadline, if any. */
  expire(): void {
    const onExpire = this.onExpire;
    this.onExpire = undefined;
    onExpire?.();
  }
}

/** Lets queued I/O (setImmediate deliveries) run: a few turns of the event loop. */
export async function settle(turns = 10): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}
