import type { DeadlineTimer } from '@tickswap/dynamixel';

/**
 * A deadline that passes after a fixed number of event-loop turns instead of
 * microseconds. In-memory links deliver in one turn and servos answer in the
 * next, so a reply that is coming always beats it, and one that is not
 * coming times out at once: deterministic, no waiting.
 */
export class TurnDeadlineTimer implements DeadlineTimer {
  private generation = 0;

  constructor(private readonly turns = 6) {}

  arm(_delayMicros: number, onExpire: () => void): void {
    const armed = ++this.generation;
    let left = this.turns;
    const turn = (): void => {
      if (this.generation !== armed) return;
      if (--left > 0) return void setImmediate(turn);
      this.generation++;
      onExpire();
    };
    setImmediate(turn);
  }

  disarm(): void {
    this.generation++;
  }

  dispose(): void {
    this.generation++;
  }
}

/** Lets queued in-memory deliveries run: a few turns of the event loop. */
export async function settle(turns = 6): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}
