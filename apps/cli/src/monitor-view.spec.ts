import type { StatusMessage, TicksMessage } from '@tickswap/mqtt-link';
import { statisticsMessage } from '@tickswap/telemetry/testing';
import { MonitorView } from './monitor-view';
import { sparkline } from './sparkline';
import { TerminalFrame } from './terminal-frame';

const envelope = { v: 1, robot: 'sim-1', at: '2026-12-04T10:00:00.000Z' } as const;
const statistics = (second: number, p99: number): TicksMessage => ({
  ...envelope,
  ...statisticsMessage({ firstTick: second * 1000, rateHz: 999.9, latenessUs: { p50: 2, p99, max: p99 * 2 }, computeUs: { p50: 31, p99: 52, max: 1200 }, version: 0 }),
  totals: { ticks: (second + 1) * 1000, missedTicks: 3, faultedTicks: 0 },
});
const online: StatusMessage = { ...envelope, state: 'online', version: '1', loopHz: 999.8, uptimeS: 62, lastUpdate: null };

describe('MonitorView', () => {
  it('waits for the robot before anything came', () => {
    expect(new MonitorView('sim-1', 'mqtt://127.0.0.1:1883').lines(100)).toEqual(['sim-1 on mqtt://127.0.0.1:1883: no status yet', 'tick statistics: none yet', 'last update: none seen']);
  });

  it('shows the status, a sparkline of lateness p99, the last second and the last update with its downtime', () => {
    const view = new MonitorView('sim-1', 'mqtt://127.0.0.1:1883');
    [10, 20, 80, 10].forEach((p99, second) => view.note({ kind: 'ticks', message: statistics(second, p99) }));
    view.note({ kind: 'status', message: online });
    view.note({ kind: 'ticks', message: { ...envelope, type: 'update', kind: 'commit', tick: 3002, atMs: 3002, from: '0', to: '1', pauseMs: 0.5047, nextLatenessUs: 539.8, missedTicks: 0, id: 'pid-integral-limit' } });
    view.note({ kind: 'result', message: { ...envelope, patchId: 'pid-integral-limit', stage: 'received', bytes: 700 } });
    expect(view.lines(120)).toEqual([
      'sim-1 on mqtt://127.0.0.1:1883: online, version 0, 999.8 Hz, up 62 s',
      `lateness p99, last 4 s (top 80.0 µs): ${sparkline([10, 20, 80, 10], 100)}`,
      'last second: 999.9 Hz | lateness p50 2.0 µs p99 10.0 µs max 20.0 µs | compute p50 31.0 µs p99 52.0 µs max 1.20 ms',
      'missed ticks: 0 in the last second, 3 since start | faulted 0',
      'last update: commit 0 → 1 (pid-integral-limit) at tick 3002: pause 504.7 µs, next tick 539.8 µs late, 0 missed',
      'last patch result: pid-integral-limit: received',
    ]);
  });

  it('says when the robot is offline, the broker lost, or a message unreadable; never wider than asked', () => {
    const view = new MonitorView('sim-1', 'mqtt://127.0.0.1:1883');
    view.note({ kind: 'status', message: { ...envelope, state: 'offline', cause: 'connection-lost' } });
    view.note({ kind: 'link', connected: false });
    view.note({ kind: 'unreadable', topic: 'tickswap/v1/sim-1/ticks', problem: "decodeTicksMessage failed: field 'type' must be one of ..." });
    const lines = view.lines(60);
    expect(lines[0]).toBe('sim-1 on mqtt://127.0.0.1:1883: offline (connection-lost) |…');
    expect(lines.at(-1)).toMatch(/^unreadable messages: 1 \(last: decodeTicksMessage failed/);
    expect(lines.every((line) => line.length <= 60)).toBe(true);
  });

  it('keeps the last minute of lateness, and starts it afresh when the controller restarts', () => {
    const view = new MonitorView('sim-1', 'mqtt://127.0.0.1:1883');
    for (let second = 0; second < 70; second++) view.note({ kind: 'ticks', message: statistics(second, 10) });
    expect(view.lines(200)[1]).toMatch(/^lateness p99, last 60 s/);
    view.note({ kind: 'ticks', message: statistics(0, 10) });
    expect(view.lines(200)[1]).toMatch(/^lateness p99, last 1 s/);
  });
});

describe('sparkline', () => {
  it('scales to the largest value shown, keeps the last values that fit, and leaves gaps for missing figures', () => {
    expect(sparkline([1, 2, 4, 8], 10)).toBe('▂▃▅█');
    expect(sparkline([8, 0, null, 8], 3)).toBe('▁ █');
    expect(sparkline([0, 0], 5)).toBe('▁▁');
    expect(sparkline([], 5)).toBe('');
  });
});

describe('TerminalFrame', () => {
  const output = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } };
  };

  it('redraws in place on a terminal', () => {
    const { written, stream } = output(true);
    const frame = new TerminalFrame(stream);
    frame.show(['a', 'b', 'c']);
    frame.show(['d', 'e']);
    frame.end();
    expect(written).toEqual(['\r\x1b[0Ja\nb\nc', '\x1b[2A\r\x1b[0Jd\ne', '\n']);
  });

  it('writes a frame only when it changed elsewhere', () => {
    const { written, stream } = output(false);
    const frame = new TerminalFrame(stream);
    frame.show(['a']);
    frame.show(['a']);
    frame.show(['b']);
    frame.end();
    expect(written).toEqual(['a\n\n', 'b\n\n']);
  });
});
