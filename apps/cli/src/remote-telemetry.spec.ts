import type { TelemetryMessage } from '@tickswap/telemetry';
import { parseExposition, statisticsMessage } from '@tickswap/telemetry/testing';
import { RemoteTelemetry } from './remote-telemetry';

const envelope = { v: 1, robot: 'sim-1', at: '2026-12-04T10:00:00.000Z' } as const;

describe('RemoteTelemetry', () => {
  it('passes on the messages without their envelope, and keeps them for clients that connect later', () => {
    const remote = new RemoteTelemetry();
    const seen: TelemetryMessage[] = [];
    remote.messages$.subscribe((message) => seen.push(message));
    remote.add({ ...envelope, ...statisticsMessage({ firstTick: 0 }) });
    remote.add({ ...envelope, ...statisticsMessage({ firstTick: 1000 }) });
    expect(seen).toEqual([statisticsMessage({ firstTick: 0 }), statisticsMessage({ firstTick: 1000 })]);
    expect(remote.history()).toEqual(seen);
  });

  it('serves no metrics of its own, as a valid exposition that says where they are', () => {
    expect(parseExposition(new RemoteTelemetry().metrics()).size).toBe(0);
    expect(new RemoteTelemetry().metrics()).toMatch(/^# .*\/metrics/);
  });
});
