import type { TelemetryMessage, TickStatisticsMessage, TickWindowMessage, UpdateMessage } from './telemetry-messages';

/**
 * What a client that connects now should see first: the last `length`
 * statistics and updates, and the last per-tick window (windows are large:
 * one is enough to draw). Kept by whatever serves telemetry: the loop's
 * own `TickTelemetry`, or a monitor that receives it over MQTT.
 *
 * @example
 * const recent = new TelemetryHistory(120);
 * messages$.subscribe((message) => recent.add(message));
 * recent.messages(); // statistics, then updates, then the last window
 */
export class TelemetryHistory {
  private readonly statistics: TickStatisticsMessage[] = [];
  private readonly updates: UpdateMessage[] = [];
  private lastWindow: TickWindowMessage | undefined;

  constructor(
    /** Statistics messages kept, and updates kept (each). */
    readonly length: number,
  ) {}

  /** Keeps a message, forgetting the oldest of its kind beyond `length`. Off the loop (a message is already allocated). */
  add(message: TelemetryMessage): void {
    if (message.type === 'tick-statistics') this.keep(this.statistics, message);
    else if (message.type === 'update') this.keep(this.updates, message);
    else this.lastWindow = message;
  }

  /** Oldest first: statistics, updates, the last window. */
  messages(): TelemetryMessage[] {
    return [...this.statistics, ...this.updates, ...(this.lastWindow === undefined ? [] : [this.lastWindow])];
  }

  private keep<T>(list: T[], message: T): void {
    list.push(message);
    if (list.length > this.length) list.shift();
  }
}
