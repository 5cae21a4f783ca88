import { Subject, type Observable } from 'rxjs';
import { checkMark } from './check-mark';
import { IntervalStatistics } from './interval-statistics';
import { RecordCursor } from './record-cursor';
import { SerialQueue } from './serial-queue';
import { SlackRunner } from './slack-runner';
import { TelemetryHistory } from './telemetry-history';
import { TELEMETRY_TOPICS, type TelemetryMessage, type TelemetryTopic, type UpdateMark } from './telemetry-messages';
import type { TelemetrySink } from './telemetry-sink';
import type { TelemetrySource } from './telemetry-source';
import { TickMetrics } from './tick-metrics';
import { tickTelemetrySettings, type TickTelemetryOptions, type TickTelemetrySettings } from './tick-telemetry-options';
import { captureWindow } from './tick-window';
import { UpdateTracker } from './update-tracker';

type Delivery = { readonly topic: TelemetryTopic; readonly message: TelemetryMessage };

/**
 * Telemetry of a tick loop, all of it off the loop, in the slack right
 * after ticks ({@link slack}): once per interval it reads the tick records
 * appended since the last read and publishes the interval's statistics and
 * the updates found (marked by the hot-swap code with {@link markUpdate}, or
 * seen as a version change between two records); once their "after" ticks
 * exist, it cuts and publishes the per-tick windows around them. It keeps
 * the Prometheus figures ({@link metrics}) and a short history for clients
 * that connect later. It never subscribes to the loop's ticks beyond the
 * runner's check for waiting work; sinks get their messages through bounded
 * queues. After the loop stops, a last read publishes the partial interval
 * and every update and window still waiting.
 *
 * @example
 * const telemetry = new TickTelemetry({ loop, scheduler }); // the loop's scheduler
 * telemetry.addSink(recorder);
 * telemetry.start();
 * // in the hot-swap code, once a commit happened at the boundary of tick t:
 * telemetry.markUpdate({ tick: t, kind: 'commit', from: 3, to: 4, pauseMs: 0.21 });
 */
export class TickTelemetry implements TelemetrySource {
  /** Every message, as published (statistics, updates, windows). */
  readonly messages$: Observable<TelemetryMessage>;
  /** Where telemetry's work runs; a recorder of the same loop shares it. */
  readonly slack: SlackRunner;
  private readonly settings: TickTelemetrySettings;
  private readonly subject = new Subject<TelemetryMessage>();
  private readonly cursor: RecordCursor;
  private readonly interval: IntervalStatistics;
  private readonly tracker: UpdateTracker;
  private readonly figures = new TickMetrics();
  private readonly sinks = new Set<SerialQueue<Delivery>>();
  private readonly recent: TelemetryHistory;
  private removedDrops = 0;
  private cancelReads: (() => void) | undefined;

  constructor(options: TickTelemetryOptions) {
    this.settings = tickTelemetrySettings(options);
    const { loop, scheduler, watchdog, intervalMs, windowAfter, markGraceTicks, maxPending } = this.settings;
    this.slack = new SlackRunner({ loop, scheduler, watchdog, watchdogMs: 2 * intervalMs });
    this.cursor = new RecordCursor(loop.records);
    this.interval = new IntervalStatistics(loop);
    this.tracker = new UpdateTracker({ after: windowAfter, graceTicks: markGraceTicks, maxPending });
    this.recent = new TelemetryHistory(this.settings.historyLength);
    this.messages$ = this.subject.asObservable();
  }

  /** Whether the last read, after the loop stopped, has been made. */
  get done(): boolean {
    return this.slack.done;
  }

  /** Messages dropped: by slow sinks, updates or windows beyond `maxPending`, jobs the slack could not take. */
  get dropped(): number {
    let queued = this.removedDrops;
    for (const queue of this.sinks) queued += queue.dropped;
    return queued + this.tracker.dropped + this.slack.dropped;
  }

  /** Starts reading the loop every `intervalMs` of its clock. */
  start(): void {
    this.cancelReads ??= this.slack.every(this.settings.intervalMs, (final) => this.read(final));
  }

  /** Stops reading, without a last read; the slack runner stops following the loop. */
  stop(): void {
    this.cancelReads?.();
    this.slack.close();
  }

  /**
   * Tells telemetry of a commit or rollback at the boundary of `mark.tick`:
   * it is reported, with its window, at a coming read. May be called from
   * the loop's boundary or between ticks: it checks and queues the mark
   * (a small allocation, once per update), never blocks. Throws a
   * TelemetryUsageError for a mark it cannot place.
   */
  markUpdate(mark: UpdateMark): void {
    checkMark(mark, this.settings.loop.records);
    this.tracker.mark(mark);
  }

  /**
   * Sends every message from now on to `sink` too, queued: at most
   * `queueLimit` wait (default: the `sinkQueueLimit` option), more are
   * dropped. Returns a function that detaches it.
   */
  addSink(sink: TelemetrySink, queueLimit = this.settings.sinkQueueLimit): () => void {
    const queue = new SerialQueue<Delivery>(({ topic, message }) => sink.publish(topic, message), queueLimit);
    this.sinks.add(queue);
    return () => {
      if (this.sinks.delete(queue)) this.removedDrops += queue.dropped;
    };
  }

  /** Resolves once every sink has been handed every message published so far (a stalled sink keeps it waiting). */
  async drained(): Promise<void> {
    await Promise.all([...this.sinks].map((queue) => queue.drained()));
  }

  /** The Prometheus exposition of the loop's figures as of the last read. */
  metrics(): string {
    return this.figures.render({ droppedMessages: this.dropped, unreadTicks: this.cursor.lost });
  }

  /** What a client connecting now should see first: recent statistics, recent updates, the last window. */
  history(): TelemetryMessage[] {
    return this.recent.messages();
  }

  /** One read of the loop (a slack job of ~0.1 ms per 1000 ticks); each window due is cut by a job of its own. */
  private read(final: boolean): void {
    const { loop, windowBefore, windowAfter } = this.settings;
    if (loop.state === 'idle') return;
    this.cursor.readNew((record) => {
      this.interval.add(record);
      this.tracker.noteRecord(record);
      this.figures.addTick(record);
    });
    const statistics = this.interval.close(this.cursor.next);
    this.figures.addStatistics(statistics);
    this.publish(statistics);
    const { updates, windowsDue } = this.tracker.settle(loop.records, final);
    for (const update of updates) {
      this.figures.addUpdate(update);
      this.publish(update);
    }
    for (const update of windowsDue) {
      this.slack.push(() => this.publish(captureWindow(loop.records, update, windowBefore, windowAfter)));
    }
  }

  private publish(message: TelemetryMessage): void {
    this.recent.add(message);
    const delivery = { topic: TELEMETRY_TOPICS[message.type], message };
    for (const queue of this.sinks) queue.push(delivery);
    this.subject.next(message);
  }
}
