import fc from 'fast-check';
import { MessageSchemaError } from './errors';
import { encodeMessage } from './message-codec';
import { decodeResultMessage, isFinalResult, type ResultMessage } from './result-message';
import { decodeStatusMessage, type StatusMessage } from './status-message';
import type { UpdateMessage } from '@tickswap/telemetry';
import { statisticsMessage } from '@tickswap/telemetry/testing';
import { decodeTicksMessage, type TicksMessage } from './ticks-message';

const envelope = { v: 1, robot: 'wheelie-7', at: '2025-03-01T10:00:00.000Z' } as const;
const timings = { queuedMs: 0.4, verifyMs: 2.1, gateMs: 61, commitMs: 4.2, watchMs: 1001 };

const samples: ResultMessage[] = [
  { ...envelope, patchId: null, stage: 'received', bytes: 1834 },
  { ...envelope, patchId: 'pid-gain-2', stage: 'rejected', reason: 'bad-signature', message: 'verify failed: signature does not match' },
  { ...envelope, patchId: 'pid-gain-2', stage: 'validated', from: '1', to: '2', gate: { ticks: 500, elapsedMs: 12.5, metrics: { maxErrorRad: 0.01, worst: null } } },
  { ...envelope, patchId: 'pid-gain-2', stage: 'committed', version: '2', downtime: { boundaryMs: 0.21, latenessMs: null, missedTicks: 0 }, timings },
  { ...envelope, patchId: 'pid-gain-2', stage: 'rolled-back', reason: 'nan', message: 'NaN at tick 12', version: '1', downtime: null, timings },
];

describe('result messages', () => {
  it.each(samples.map((sample) => [sample.stage, sample]))('round-trips a %s result', (_stage, sample) => {
    expect(decodeResultMessage(encodeMessage(sample))).toEqual(sample);
  });

  it('tells the final stages from the intermediate ones', () => {
    expect(samples.map(isFinalResult)).toEqual([false, true, false, true, true]);
  });

  it.each([
    [{ ...samples[3], downtime: { boundaryMs: 'fast', latenessMs: 0, missedTicks: 0 } }, 'downtime.boundaryMs', /must be a finite number, got string "fast"/],
    [{ ...samples[1], reason: 'because' }, 'reason', /must be one of "too-large"/],
    [{ ...samples[0], stage: 'done' }, 'stage', /must be one of "received", "rejected"/],
    [{ ...samples[0], v: 2 }, 'v', /must be one of 1, got number/],
    [{ ...samples[0], robot: 'a/b' }, 'robot', /must be a robot id/],
    [{ ...samples[0], at: 'yesterday' }, 'at', /ISO 8601/],
    [{ ...samples[2], gate: { ticks: -1, elapsedMs: 1, metrics: {} } }, 'gate.ticks', /non-negative integer/],
  ])('names the wrong field: %#', (message, field, problem) => {
    const decode = (): unknown => decodeResultMessage(JSON.stringify(message));
    expect(decode).toThrow(MessageSchemaError);
    expect(decode).toThrow(problem);
    expect(decode).toThrow(`decodeResultMessage failed: field '${field}'`);
    try {
      decode();
    } catch (error) {
      expect((error as MessageSchemaError).field).toBe(field);
    }
  });

  it('refuses bytes that are not UTF-8 JSON', () => {
    expect(() => decodeResultMessage(Buffer.from([0xff, 0xfe]))).toThrow(/not UTF-8 JSON/);
    expect(() => decodeResultMessage('{"v":')).toThrow(MessageSchemaError);
    expect(() => decodeResultMessage('[]')).toThrow("decodeResultMessage failed: the message must be an object, got an array");
  });

  it('throws nothing but MessageSchemaError, whatever the payload', () => {
    const anyPayload = fc.oneof(fc.json(), fc.string(), fc.uint8Array().map((bytes) => Buffer.from(bytes)));
    fc.assert(
      fc.property(anyPayload, (payload) => {
        for (const decode of [decodeResultMessage, decodeStatusMessage, decodeTicksMessage]) {
          try {
            decode(payload);
          } catch (error) {
            expect(error).toBeInstanceOf(MessageSchemaError);
          }
        }
      }),
    );
  });

  it('drops fields it does not know instead of passing them on', () => {
    expect(decodeResultMessage(JSON.stringify({ ...samples[0], extra: { evil: true } }))).toEqual(samples[0]);
  });
});

describe('status and ticks messages', () => {
  it('round-trips an online and an offline status', () => {
    const online: StatusMessage = {
      ...envelope,
      state: 'online',
      version: '2',
      loopHz: 999.8,
      uptimeS: 3600,
      lastUpdate: { patchId: 'pid-gain-2', outcome: 'committed', version: '2', at: envelope.at },
    };
    const offline: StatusMessage = { ...envelope, state: 'offline', cause: 'connection-lost' };
    expect(decodeStatusMessage(encodeMessage(online))).toEqual(online);
    expect(decodeStatusMessage(encodeMessage(offline))).toEqual(offline);
    expect(() => decodeStatusMessage(JSON.stringify({ ...online, lastUpdate: { ...online.lastUpdate, outcome: 'maybe' } }))).toThrow(
      "field 'lastUpdate.outcome'",
    );
  });

  it('round-trips the telemetry messages on the ticks topic, and names the field a bad one breaks', () => {
    const update: UpdateMessage = { type: 'update', kind: 'commit', tick: 41, atMs: 41.002, from: '0', to: '1', pauseMs: 0.21, nextLatenessUs: null, missedTicks: 0, id: 'pid-gain-2' };
    const stats: TicksMessage = { ...envelope, ...statisticsMessage({ rateHz: 999.8, latenessUs: { p50: 3, p99: 80, max: 400 }, computeUs: null }) };
    const columns = { latenessUs: [2], computeUs: [9], readUs: [1], updateUs: [5], writeUs: [1], commitUs: [Number.NaN], missed: [0], faulted: [false], version: [0] };
    const window = { ...envelope, type: 'tick-window', update, firstTick: 41, complete: false, ...columns } as const;
    expect(decodeTicksMessage(encodeMessage(stats))).toEqual(stats);
    expect(decodeTicksMessage(encodeMessage({ ...envelope, ...update }))).toEqual({ ...envelope, ...update });
    expect(decodeTicksMessage(encodeMessage(window))).toEqual({ ...window, commitUs: [null] });
    expect(() => decodeTicksMessage(JSON.stringify({ ...window, update: { ...update, kind: 'maybe' } }))).toThrow("field 'update.kind'");
    expect(() => decodeTicksMessage(JSON.stringify({ ...stats, type: 'stats' }))).toThrow("field 'type' must be one of \"tick-statistics\"");
    expect(() => decodeTicksMessage(JSON.stringify({ ...stats, robot: '+' }))).toThrow("field 'robot'");
    expect(() => decodeTicksMessage(JSON.stringify({ ...stats, latenessUs: { p50: 3, p99: '80', max: 400 } }))).toThrow("field 'latenessUs.p99' must be number, got string");
  });
});
