/**
 * Remembers which patch ids the agent has handled, to apply each patch at
 * most once. Tells a duplicate (the copy arrived while the first copy was
 * still queued or in progress: an MQTT redelivery, a double publish) from a
 * replay (the copy arrived after the first copy was done). Forgets the
 * oldest ids beyond `capacity`; past that, a replay is refused by the verify
 * stage because the patch is built for a version that no longer runs.
 *
 * @example
 * const ledger = new PatchLedger(1000);
 * ledger.seen('p-1', 3);        // undefined: new
 * ledger.finish('p-1', 5);      // five messages had arrived when p-1 was done
 * ledger.seen('p-1', 4);        // 'duplicate'
 * ledger.seen('p-1', 6);        // 'replay'
 */
export class PatchLedger {
  /** Patch id -> number of messages that had arrived when its first copy was done. */
  private readonly doneAt = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  /** Whether the copy of `id` that was the `arrival`-th message was handled before. */
  seen(id: string, arrival: number): 'duplicate' | 'replay' | undefined {
    const doneAt = this.doneAt.get(id);
    if (doneAt === undefined) return undefined;
    return arrival <= doneAt ? 'duplicate' : 'replay';
  }

  /** Records that `id` was handled when `arrivals` messages had arrived. */
  finish(id: string, arrivals: number): void {
    this.doneAt.set(id, arrivals);
    if (this.doneAt.size <= this.capacity) return;
    const oldest = this.doneAt.keys().next().value;
    if (oldest !== undefined) this.doneAt.delete(oldest);
  }
}
