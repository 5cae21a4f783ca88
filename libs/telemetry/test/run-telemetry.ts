import { runVirtual, type TickRecord } from '@tickswap/control-loop';
import type { TelemetryMessage } from '../src/telemetry-messages';
import { TickTelemetry } from '../src/tick-telemetry';
import type { TickTelemetryOptions } from '../src/tick-telemetry-options';
import { trivialLoop, type Script } from './trivial-loop';

const ofType = <T extends TelemetryMessage['type']>(messages: TelemetryMessage[], type: T) =>
  messages.filter((m): m is Extract<TelemetryMessage, { type: T }> => m.type === type);

/** What a telemetry run gives: the loop, the telemetry and every message published (as JSON would carry it), by type too. */
export type TelemetryRun = Awaited<ReturnType<typeof runTelemetry>>;

/**
 * Runs `script` on virtual time with telemetry reading the loop on the same
 * clock; `during` is called with every tick's record once it has run,
 * between ticks (where the hot-swap code reports an update, and where the
 * controller samples what it records); `attach` adds sinks before the
 * start. Ends after telemetry's final read.
 */
export async function runTelemetry(
  script: Script,
  options: Partial<TickTelemetryOptions> = {},
  during?: (telemetry: TickTelemetry, record: TickRecord) => void,
  attach?: (telemetry: TickTelemetry) => Promise<void> | void,
) {
  const { loop, scheduler } = trivialLoop(script);
  const telemetry = new TickTelemetry({ loop, scheduler, watchdog: scheduler, ...options });
  const messages: TelemetryMessage[] = [];
  telemetry.messages$.subscribe((m) => messages.push(JSON.parse(JSON.stringify(m)) as TelemetryMessage));
  await attach?.(telemetry);
  loop.ticks$.subscribe((record) => during?.(telemetry, record));
  telemetry.start();
  loop.start();
  await runVirtual(scheduler, loop);
  scheduler.flush();
  return {
    loop,
    telemetry,
    messages,
    statistics: ofType(messages, 'tick-statistics'),
    updates: ofType(messages, 'update'),
    windows: ofType(messages, 'tick-window'),
  };
}

/** 5000 ticks; tick 2500 commits version 2 in a 1.3 ms boundary (marked by {@link markCommit}), tick 3500 switches to 3 unmarked; tick 1500 is slow, tick 1700 throws. */
export const SCRIPT: Script = {
  ticks: 5000,
  updateMs: (index) => (index === 1500 ? 0.6 : 0.01),
  boundary: (tick) => (tick.index === 2500 ? { ms: 1.3, version: 2 } : tick.index === 3500 ? { ms: 0.2, version: 3 } : undefined),
  faultAt: [1700],
};

/** Marks the commit of {@link SCRIPT} once the tick after it has run, as the hot-swap code does. */
export function markCommit(telemetry: TickTelemetry, record: TickRecord): void {
  if (record.index === 2501) telemetry.markUpdate({ tick: 2500, kind: 'commit', from: 1, to: 2, pauseMs: 1.3, id: 'patch-7' });
}
