import type { ResultMessage, StatusMessage } from '@tickswap/mqtt-link';
import type { TickStatisticsMessage, TimingFigures, UpdateMessage } from '@tickswap/telemetry';
import type { FeedEvent } from './robot-feed';
import { sparkline } from './sparkline';

/** Seconds of lateness p99 the sparkline shows (statistics come once a second). */
const SPARK_SECONDS = 60;

const duration = (us: number | null): string => (us === null ? '-' : us < 1000 ? `${us.toFixed(1)} µs` : `${(us / 1000).toFixed(2)} ms`);
const figures = (name: string, timing: TimingFigures | null): string =>
  timing === null ? `${name} -` : `${name} p50 ${duration(timing.p50)} p99 ${duration(timing.p99)} max ${duration(timing.max)}`;

/**
 * What `tickswap monitor` shows of one robot, from the messages its feed
 * hears: the status (online, version, rate), a sparkline of tick-start
 * lateness p99 over the last minute, the last second's lateness and compute
 * time, missed ticks, the last update with its downtime, the last patch
 * result. {@link lines} renders it for a terminal.
 *
 * @example
 * const view = new MonitorView('sim-1', 'mqtt://127.0.0.1:1883');
 * view.note({ kind: 'ticks', message });
 * console.log(view.lines(80).join('\n'));
 */
export class MonitorView {
  private readonly lateness: (number | null)[] = [];
  private latest: TickStatisticsMessage | undefined;
  private status: StatusMessage | undefined;
  private update: UpdateMessage | undefined;
  private result: ResultMessage | undefined;
  private connected = true;
  private unreadable = 0;
  private problem = '';

  constructor(
    readonly robot: string,
    readonly brokerUrl: string,
  ) {}

  /** Takes what the feed heard. */
  note(event: FeedEvent): void {
    if (event.kind === 'link') this.connected = event.connected;
    else if (event.kind === 'status') this.status = event.message;
    else if (event.kind === 'result') this.result = event.message;
    else if (event.kind === 'unreadable') {
      this.unreadable += 1;
      this.problem = event.problem;
    } else if (event.message.type === 'tick-statistics') {
      // A restarted controller counts from 0 again: its minute starts afresh.
      if (this.latest !== undefined && event.message.firstTick < this.latest.firstTick) this.lateness.length = 0;
      this.latest = event.message;
      this.lateness.push(event.message.latenessUs?.p99 ?? null);
      if (this.lateness.length > SPARK_SECONDS) this.lateness.shift();
    } else if (event.message.type === 'update') this.update = event.message;
  }

  /** The view as lines at most `width` characters wide (the sparkline shrinks to fit). */
  lines(width: number): string[] {
    const { latest } = this;
    const shownMax = this.lateness.reduce<number>((top, us) => (us !== null && us > top ? us : top), 0);
    const sparkLabel = `lateness p99, last ${this.lateness.length} s (top ${duration(shownMax)}): `;
    const lines = [
      this.head(),
      latest === undefined ? 'tick statistics: none yet' : `${sparkLabel}${sparkline(this.lateness, Math.max(10, width - sparkLabel.length))}`,
      latest === undefined ? '' : `last second: ${latest.rateHz.toFixed(1)} Hz | ${figures('lateness', latest.latenessUs)} | ${figures('compute', latest.computeUs)}`,
      latest === undefined ? '' : `missed ticks: ${latest.missedTicks} in the last second, ${latest.totals.missedTicks} since start | faulted ${latest.totals.faultedTicks}`,
      this.updateLine(),
      this.resultLine(),
      this.unreadable === 0 ? '' : `unreadable messages: ${this.unreadable} (last: ${this.problem})`,
    ];
    return lines.filter((line) => line !== '').map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line));
  }

  private head(): string {
    const where = `${this.robot} on ${this.brokerUrl}`;
    const link = this.connected ? '' : ' | broker connection lost: reconnecting';
    const { status, latest } = this;
    if (status === undefined) return `${where}: no status yet${latest === undefined ? '' : `, version ${latest.version}`}${link}`;
    if (status.state === 'offline') return `${where}: offline (${status.cause})${link}`;
    const rate = status.loopHz === null ? '-' : `${status.loopHz.toFixed(1)} Hz`;
    // The statistics say each second which version ran; the retained status only when it is published.
    const version = latest === undefined ? status.version : String(latest.version);
    return `${where}: online, version ${version}, ${rate}, up ${status.uptimeS.toFixed(0)} s${link}`;
  }

  private updateLine(): string {
    const { update } = this;
    if (update === undefined) return 'last update: none seen';
    const name = update.id === undefined ? '' : ` (${update.id})`;
    const why = update.reason === undefined ? '' : `; ${update.reason}`;
    return `last update: ${update.kind} ${update.from} → ${update.to}${name} at tick ${update.tick}: pause ${duration(update.pauseMs * 1000)}, next tick ${duration(update.nextLatenessUs)} late, ${update.missedTicks} missed${why}`;
  }

  private resultLine(): string {
    const { result } = this;
    return result === undefined ? '' : `last patch result: ${result.patchId ?? '(unreadable)'}: ${result.stage}`;
  }
}
