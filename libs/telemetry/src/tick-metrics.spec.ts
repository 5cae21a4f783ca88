import { parseExposition, type Family } from './testing/prometheus-parse';
import { markCommit, runTelemetry, SCRIPT } from '../test/run-telemetry';
import { TICK_BUCKETS_SECONDS } from './tick-metrics';

const value = (families: Map<string, Family>, name: string, labels: Record<string, string> = {}) =>
  families.get(name.replace(/_(bucket|sum|count)$/, ''))?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

describe('TickMetrics in Prometheus text format 0.0.4', () => {
  it('exposes the loop as counters, gauges and histograms that a strict parser accepts', async () => {
    const { telemetry } = await runTelemetry(SCRIPT, {}, markCommit);
    const families = parseExposition(telemetry.metrics());
    expect(value(families, 'tickswap_ticks_total')).toBe(5000);
    expect(value(families, 'tickswap_missed_ticks_total')).toBe(1);
    expect(value(families, 'tickswap_faulted_ticks_total')).toBe(1);
    expect(value(families, 'tickswap_updates_total', { kind: 'commit' })).toBe(1);
    expect(value(families, 'tickswap_updates_total', { kind: 'rollback' })).toBe(0);
    expect(value(families, 'tickswap_updates_total', { kind: 'version-change' })).toBe(1);
    expect(value(families, 'tickswap_running_version')).toBe(3);
    expect(value(families, 'tickswap_update_pause_seconds_count')).toBe(2);
    expect(value(families, 'tickswap_update_pause_seconds_bucket', { le: '0.0025' })).toBe(2);
    expect(value(families, 'tickswap_update_pause_seconds_bucket', { le: '0.001' })).toBe(1);
  });

  it('follows the naming conventions: base units in the name, _total on counters, HELP on every family', async () => {
    const { telemetry } = await runTelemetry({ ticks: 1500 });
    for (const [name, family] of parseExposition(telemetry.metrics())) {
      expect(name).toMatch(/^tickswap_/);
      expect(family.help.length).toBeGreaterThan(5);
      if (family.type === 'counter') expect(name).toMatch(/_total$/);
      if (family.type === 'histogram') expect(name).toMatch(/_seconds$/);
    }
  });

  it('has cumulative microsecond-scale buckets in seconds, up to +Inf, counting every tick', async () => {
    const { telemetry } = await runTelemetry(SCRIPT, {}, markCommit);
    const families = parseExposition(telemetry.metrics());
    for (const name of ['tickswap_tick_lateness_seconds', 'tickswap_tick_duration_seconds']) {
      const buckets = (families.get(name) as Family).samples.filter((s) => s.name === `${name}_bucket`);
      expect(buckets.map((b) => b.labels['le'])).toEqual([
        ...['0.000001', '0.0000025', '0.000005', '0.00001', '0.000025', '0.00005', '0.0001', '0.00025', '0.0005'],
        ...['0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '+Inf'],
      ]);
      expect(buckets.slice(0, -1).map((b) => Number(b.labels['le']))).toEqual(TICK_BUCKETS_SECONDS);
      buckets.slice(1).forEach((b, k) => expect(b.value).toBeGreaterThanOrEqual((buckets[k] as { value: number }).value));
      expect(buckets.at(-1)?.value).toBe(5000);
      expect(value(families, `${name}_count`)).toBe(5000);
    }
    // 4997 ticks computed in 10 µs, the unmarked update's in 210 µs, tick 1500's in 600 µs, the commit's in 1310 µs.
    const duration = (le: string) => value(families, 'tickswap_tick_duration_seconds_bucket', { le });
    expect([duration('0.000005'), duration('0.00001'), duration('0.00025'), duration('0.0005'), duration('0.001'), duration('0.0025')]).toEqual([
      0, 4997, 4998, 4998, 4999, 5000,
    ]);
    expect(value(families, 'tickswap_tick_lateness_seconds_bucket', { le: '0.000001' })).toBe(5000);
  });
});
