import { TelemetryHistory, type TelemetryMessage, type TelemetrySource } from '@tickswap/telemetry';
import { Subject, type Observable } from 'rxjs';

/** Telemetry's own history length: two minutes of one-second statistics. */
const HISTORY_LENGTH = 120;

const METRICS = '# tickswap monitor relays the robot over MQTT; the robot serves its Prometheus metrics itself (controller: /metrics)\n';

/**
 * A robot's telemetry received over MQTT, served as the controller serves
 * its own: the same messages (the envelope taken off), the same history for
 * a client that connects later. So the dashboard cannot tell whether it
 * runs beside the robot or at a desk. Prometheus metrics stay the robot's:
 * a relay of one-second summaries has no tick histograms to give.
 *
 * @example
 * const remote = new RemoteTelemetry();
 * await openRobotFeed(broker, 'sim-1', (event) => event.kind === 'ticks' && remote.add(event.message));
 * await startTelemetryServer({ source: remote, staticDir: DASHBOARD_DIR });
 */
export class RemoteTelemetry implements TelemetrySource {
  readonly messages$: Observable<TelemetryMessage>;
  private readonly subject = new Subject<TelemetryMessage>();
  private readonly recent = new TelemetryHistory(HISTORY_LENGTH);

  constructor() {
    this.messages$ = this.subject.asObservable();
  }

  /** Takes a ticks message as received (its envelope is dropped). */
  add(message: TelemetryMessage & { readonly v?: number; readonly robot?: string; readonly at?: string }): void {
    const { v: _v, robot: _robot, at: _at, ...body } = message;
    const telemetry = body as TelemetryMessage;
    this.recent.add(telemetry);
    this.subject.next(telemetry);
  }

  history(): TelemetryMessage[] {
    return this.recent.messages();
  }

  metrics(): string {
    return METRICS;
  }
}
