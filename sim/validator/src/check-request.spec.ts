import { generateKeyPairSync } from 'node:crypto';
import { fixture, robot } from '../test/live-state';
import { checkRequest } from './check-request';
import { GateConfigError } from './errors';
import type { GateRequest } from './gate-request';
import type { ReadingsRecording } from './readings-recording';

const request: GateRequest = { running: { base: '0', chain: [] }, state: { snapshot: {} as never }, scenario: { robot }, candidate: fixture('good') };
const recording = (rateHz: number, motors: number) => ({ rateHz, motors, ticks: 1 }) as ReadingsRecording;
const checked = (changes: Partial<GateRequest>) => () => checkRequest({ ...request, ...changes }, 'Validator#run');

describe('checkRequest', () => {
  it('gives the settings of a request it can run', () => {
    expect(checkRequest(request, 'Validator#run')).toEqual({ horizonS: 10, rateHz: 1000, tickBudgetMs: 1, timeLimitMs: 5000, ticks: 10_000 });
    expect(checked({ options: { horizonS: 0.5, rateHz: 500 } })()).toMatchObject({ ticks: 250, tickBudgetMs: 2 });
  });

  it.each([
    [{ options: { horizonS: -1 } }, 'Validator#run failed: horizonS must be a positive number of seconds, got -1'],
    [{ options: { rateHz: 0 } }, 'Validator#run failed: rateHz must be a positive number of ticks per second, got 0'],
    [{ options: { horizonS: 0.0001 } }, 'Validator#run failed: a horizon of 0.0001 s at 1000 Hz holds no tick; give a longer horizonS'],
    [{ scenario: { robot, recording: recording(500, 2) } }, 'Validator#run failed: the recording was taken at 500 Hz but the gate runs at 1000 Hz'],
    [{ scenario: { robot, recording: recording(1000, 3) } }, 'Validator#run failed: the recording has 3 motors but reference-diff-drive has 2'],
    [{ candidate: { kind: 'bundle', bundle: {} as never } }, 'Validator#run failed: the request holds signed bundles but no trustedKeys'],
  ])('refuses %j before any work', (changes, message) => {
    expect(checked(changes as Partial<GateRequest>)).toThrow(GateConfigError);
    expect(checked(changes as Partial<GateRequest>)).toThrow(message);
  });

  it('takes bundles with the keys to verify them', () => {
    const trustedKeys = new Map([['k', generateKeyPairSync('ed25519').publicKey]]);
    expect(checked({ candidate: { kind: 'bundle', bundle: {} as never }, trustedKeys })).not.toThrow();
  });
});
