import { schemaErrors } from './schema-errors';
import { markCommit, runTelemetry as run, SCRIPT } from '../test/run-telemetry';
import { trivialLoop } from '../test/trivial-loop';
import type { TelemetryMessage, TickStatisticsMessage, TickWindowMessage, UpdateMessage } from './telemetry-messages';
import { TELEMETRY_SCHEMAS } from './telemetry-schemas';
import { TickTelemetry } from './tick-telemetry';

describe('TickTelemetry (virtual time)', () => {
  it('publishes one statistics message per interval, from that interval only, with the counters as deltas', async () => {
    const { statistics } = await run(SCRIPT, {}, markCommit);
    expect(statistics.map((s) => s.ticks).reduce((a, b) => a + b)).toBe(5000);
    statistics.slice(1).forEach((s, k) => expect(s.firstTick).toBe((statistics[k] as TickStatisticsMessage).firstTick + (statistics[k] as TickStatisticsMessage).ticks));
    const at = (tick: number) => statistics.find((s) => s.firstTick <= tick && tick < s.firstTick + s.ticks) as TickStatisticsMessage;
    expect(at(1500).computeUs?.max).toBe(600);
    expect(at(500).computeUs?.max).toBe(10);
    expect(at(1700).faultedTicks).toBe(1);
    expect(statistics.filter((s) => s !== at(1700)).every((s) => s.faultedTicks === 0)).toBe(true);
    expect(at(2500).missedTicks).toBe(1);
    expect(at(2500).computeUs?.max).toBeCloseTo(1310, 6);
    expect(at(500)).toMatchObject({ rateHz: 1000, nominalRateHz: 1000, latenessUs: { p50: 0, p99: 0, max: 0 }, version: 0 });
    expect(statistics.at(-1)).toMatchObject({ version: 3, totals: { ticks: 5000, missedTicks: 1, faultedTicks: 1 } });
  });

  it('reports a marked commit once, with the mark merged into the version change it caused, and an unmarked one as a version change', async () => {
    const { updates } = await run(SCRIPT, {}, markCommit);
    expect(updates).toEqual<UpdateMessage[]>([
      { type: 'update', kind: 'commit', tick: 2500, atMs: 2500, from: '1', to: '2', pauseMs: 1.3, nextLatenessUs: 0, missedTicks: 1, id: 'patch-7' },
      { type: 'update', kind: 'version-change', tick: 3500, atMs: 3501, from: '2', to: '3', pauseMs: 0.2, nextLatenessUs: 0, missedTicks: 0 },
    ]);
  });

  it('cuts the per-tick window around each update once its after ticks exist: 200 before, 800 after by default', async () => {
    const { windows } = await run(SCRIPT, {}, markCommit);
    expect(windows.map((w) => [w.update.tick, w.firstTick, w.latenessUs.length, w.complete])).toEqual([
      [2500, 2300, 1001, true],
      [3500, 3300, 1001, true],
    ]);
    const commit = windows[0] as TickWindowMessage;
    expect(commit.commitUs[200]).toBeCloseTo(1300, 6);
    expect([commit.missed[200], commit.version[200], commit.version[201]]).toEqual([1, 0, 2]);
    expect(commit.commitUs.filter((us, i) => i !== 200).every((us) => us === 0)).toBe(true);
  });

  it('publishes what waits when the loop stops: the partial interval and a window without all its after ticks', async () => {
    const { windows, statistics } = await run({ ticks: 1200, boundary: (t) => (t.index === 1100 ? { ms: 0.1, version: 5 } : undefined) });
    expect(windows.map((w) => [w.update.tick, w.update.kind, w.firstTick, w.latenessUs.length, w.complete])).toEqual([[1100, 'version-change', 900, 300, false]]);
    expect(statistics.map((s) => s.ticks)).toEqual([1001, 199]); // the read after the tick that started at 1000 ms
  });

  it('reports a mark that changed no version, and a mark with no tick after it when the loop stops', async () => {
    const { updates } = await run({ ticks: 1000 }, {}, (telemetry, { index }) => {
      if (index === 300) telemetry.markUpdate({ tick: 300, kind: 'rollback', from: '4', to: '4', pauseMs: 0.05, reason: 'watch: NaN output' });
      if (index === 999) telemetry.markUpdate({ tick: 999, kind: 'commit', from: '4', to: '5', pauseMs: 0.07, notes: ['Pid: replace (add bias)'] });
    });
    expect(updates.map((u) => [u.kind, u.tick, u.reason, u.nextLatenessUs, u.notes])).toEqual([
      ['rollback', 300, 'watch: NaN output', 0, undefined],
      ['commit', 999, undefined, null, ['Pid: replace (add bias)']],
    ]);
    for (const update of updates) expect(schemaErrors(TELEMETRY_SCHEMAS.update, update)).toEqual([]);
  });

  it('publishes messages that conform to their JSON schemas', async () => {
    const { messages } = await run(SCRIPT, {}, markCommit);
    expect(new Set(messages.map((m) => m.type))).toEqual(new Set(['tick-statistics', 'update', 'tick-window']));
    for (const message of messages) expect(schemaErrors(TELEMETRY_SCHEMAS[message.type], message)).toEqual([]);
  });

  it('gives a late client the recent statistics, updates and the last window', async () => {
    const { telemetry } = await run(SCRIPT, { historyLength: 2 }, markCommit);
    expect(telemetry.history().map((m) => m.type)).toEqual(['tick-statistics', 'tick-statistics', 'update', 'update', 'tick-window']);
  });

  it('publishes nothing before the loop starts and stops reading after the final read', async () => {
    const { loop, scheduler } = trivialLoop({ ticks: 10 });
    const telemetry = new TickTelemetry({ loop, scheduler, watchdog: scheduler });
    const seen: TelemetryMessage[] = [];
    telemetry.messages$.subscribe((m) => seen.push(m));
    telemetry.start();
    scheduler.schedule(() => loop.start(), 2500);
    scheduler.flush();
    expect(seen.map((m) => m.type)).toEqual(['tick-statistics']);
    expect(telemetry.done).toBe(true);
  });
});

describe('TickTelemetry sinks', () => {
  it('gives every sink every message on its topic, in order', async () => {
    const delivered: string[] = [];
    const { messages, telemetry } = await run(SCRIPT, {}, markCommit, (t) => void t.addSink({ publish: async (topic, m) => void delivered.push(`${topic} ${m.type}`) }));
    await telemetry.drained();
    expect(delivered).toEqual(messages.map((m) => `${{ 'tick-statistics': 'ticks/statistics', update: 'ticks/update', 'tick-window': 'ticks/window' }[m.type]} ${m.type}`));
  });

  it('drops what a stalled sink cannot take, counts it, and keeps serving the others', async () => {
    const { loop, scheduler } = trivialLoop(SCRIPT);
    const telemetry = new TickTelemetry({ loop, scheduler, watchdog: scheduler });
    const messages: TelemetryMessage[] = [];
    const delivered: string[] = [];
    telemetry.messages$.subscribe((m) => messages.push(m));
    telemetry.addSink({ publish: () => new Promise<void>(() => undefined) }, 4);
    telemetry.addSink({ publish: async (_, m) => void delivered.push(m.type) });
    telemetry.start();
    loop.start();
    scheduler.flush(); // every read at once: the queues take the whole run in one go
    await new Promise((resolve) => setImmediate(resolve)); // the other sink's deliveries settle in microtasks
    expect(delivered).toHaveLength(messages.length);
    expect(telemetry.dropped).toBe(messages.length - 5); // one in hand, four waiting
    expect(telemetry.metrics()).toContain(`tickswap_telemetry_dropped_messages_total ${messages.length - 5}\n`);
  });
});
