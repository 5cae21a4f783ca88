// The gate of a robot that runs a committed patch already and receives a
// signed bundle: the worker rebuilds version 1 from its chain, verifies the
// bundle again and loads its code with its own runtime modules.
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { BEHAVIOUR_CLASSES } from '@tickswap/behaviours';
import { LiveSystem, Namespace, toSnapshot } from '@tickswap/dsu';
import { buildBundle, signBundle, trustKeys, type SignedPatchBundle } from '@tickswap/patch-format';
import { fixture, liveStateAfter, robot } from '../test/live-state';
import { patch as good } from '../test/patches/good';
import type { GateRequest } from './index';
import { runGate } from './index';

const keys = generateKeyPairSync('ed25519');
const trustedKeys = trustKeys([keys.publicKey]);
let bundle: SignedPatchBundle;
let atVersion1: GateRequest;

beforeAll(async () => {
  const { mission } = await liveStateAfter(9);
  // This spec file's own copy of the behaviours becomes version 1, as the live controller's would.
  const live = new LiveSystem(Namespace.of('0', BEHAVIOUR_CLASSES), { behaviour: mission });
  live.update(good, { policy: 'eager' });
  bundle = signBundle(await buildBundle(join(__dirname, '..', 'test', 'patches')), keys.privateKey);
  atVersion1 = {
    running: { base: '0', chain: [fixture('good')] },
    state: { snapshot: toSnapshot(live.root, live.namespace) },
    scenario: { robot },
    candidate: { kind: 'bundle', bundle },
    trustedKeys,
    // A generous time limit: the workers run at niceness 19 and the test runner keeps the machine busy.
    options: { horizonS: 3, timeLimitMs: 30_000 },
  };
}, 30_000);

describe('runGate with a chain and a bundle', () => {
  it('rebuilds the running version from its chain and accepts a signed bundle for it', async () => {
    const verdict = await runGate(atVersion1);
    expect(verdict.failure).toBeUndefined();
    expect([verdict.from, verdict.to]).toEqual(['1', '2']);
    expect(verdict.checks.find((c) => c.kind === 'application')).toMatchObject({ name: 'near-square ≤ 0.2 m', status: 'passed' });
  }, 30_000);

  it('rejects a bundle signed by a key the robot does not trust, before any of its code runs', async () => {
    const verdict = await runGate({ ...atVersion1, trustedKeys: trustKeys([generateKeyPairSync('ed25519').publicKey]) });
    expect(verdict.failure).toMatchObject({ check: 'load', atS: undefined });
    expect(verdict.failure?.message).toMatch(/^UntrustedKeyError: verifyBundle failed: the bundle is signed by key [0-9a-f]{16}, which is not trusted here/);
    expect(verdict.from).toBeUndefined();
  }, 30_000);

  it('rejects a chain it cannot rebuild, saying which patch', async () => {
    const verdict = await runGate({ ...atVersion1, running: { base: '0', chain: [fixture('missing')] } });
    expect(verdict.failure?.check).toBe('running-version');
    expect(verdict.failure?.message).toMatch(/missing\.ts/);
  }, 30_000);
});

