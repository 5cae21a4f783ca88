/**
 * One pending deadline at a time: the bus arms it when a request leaves and
 * disarms it when the last reply is in. Injected so tests expire it by hand
 * (deterministic, no waiting).
 */
export interface DeadlineTimer {
  /** Calls `onExpire` once after `delayMicros`, replacing any pending deadline. */
  arm(delayMicros: number, onExpire: () => void): void;
  /** Cancels the pending deadline, if any. */
  disarm(): void;
  /** Releases the timer for good (the bus is closed). */
  dispose(): void;
}

/**
 * {@link DeadlineTimer} on Node's timers. Node counts whole milliseconds, so
 * a deadline is rounded up to the next millisecond. It keeps one `Timeout`
 * and refreshes it: disarming only forgets the deadline (a late fire is
 * ignored), so arming every tick allocates nothing.
 *
 * @example
 * const timer = new NodeDeadlineTimer();
 * timer.arm(1200, () => console.log('no reply within 2 ms'));
 */
export class NodeDeadlineTimer implements DeadlineTimer {
  private timeout: NodeJS.Timeout | undefined;
  private delayMillis = -1;
  private callback: (() => void) | undefined;
  private armed = false;
  private readonly fire = (): void => {
    if (!this.armed) return;
    this.armed = false;
    this.callback?.();
  };

  /** Runs every tick: must not allocate (same delay: it refreshes its timer), must not block. */
  arm(delayMicros: number, onExpire: () => void): void {
    const delayMillis = Math.max(1, Math.ceil(delayMicros / 1000));
    this.callback = onExpire;
    this.armed = true;
    if (this.timeout !== undefined && delayMillis === this.delayMillis) {
      this.timeout.refresh();
      return;
    }
    clearTimeout(this.timeout);
    this.timeout = setTimeout(this.fire, delayMillis);
    this.delayMillis = delayMillis;
  }

  /** Runs every tick: must not allocate, must not block. */
  disarm(): void {
    this.armed = false;
  }

  dispose(): void {
    this.armed = false;
    clearTimeout(this.timeout);
    this.timeout = undefined;
  }
}
