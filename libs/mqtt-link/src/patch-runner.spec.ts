import fc from 'fast-check';
import { PatchRejectedError } from './errors';
import type { PatchPipeline } from './patch-pipeline';
import { PatchRunner, type Reply } from './patch-runner';
import { claimedPatchId } from './read-bundle';
import type { ResultBody } from './result-message';
import { FakePipeline, fakeBundle, type FakePatch } from './testing/fake-pipeline';

type Seen = { id: string | null; body: ResultBody };

function runner(pipeline: PatchPipeline<FakePatch>, maxQueued = 4) {
  const seen: Seen[] = [];
  const run = new PatchRunner(pipeline, (reply, body) => seen.push({ id: reply.patchId, body }), { maxQueued, rememberPatches: 100 });
  const send = (bundle: Record<string, unknown>): boolean => run.enqueue(bundle, { patchId: claimedPatchId(bundle), correlation: undefined, receivedAt: run.now() }, run.arrived());
  const stages = () => seen.map(({ id, body }) => `${id}:${body.stage}${body.stage === 'rejected' ? `:${body.reason}` : ''}`);
  return { run, seen, send, stages };
}

describe('PatchRunner', () => {
  it('verifies, gates and commits a patch, reporting validated then committed with their figures', async () => {
    const fake = new FakePipeline('1');
    const { run, seen, send, stages } = runner(fake);
    send(fakeBundle('p1', '1', '2'));
    await run.idle();
    expect(stages()).toEqual(['p1:validated', 'p1:committed']);
    expect(seen[0]?.body).toEqual({ stage: 'validated', from: '1', to: '2', gate: { ticks: 500, elapsedMs: 12.5, metrics: { maxTrackingErrorRad: 0.01, worstTickMs: null } } });
    expect(seen[1]?.body).toEqual({ stage: 'committed', version: '2', downtime: { boundaryMs: 0.2, latenessMs: 0.05, missedTicks: 0 }, timings: expect.any(Object) });
    expect(fake.version).toBe('2');
  });

  it('times each stage on its clock: queued, verify, gate, commit (the watch apart)', async () => {
    let t = 0;
    const seen: ResultBody[] = [];
    const run = new PatchRunner(new FakePipeline('1'), (_reply, body) => seen.push(body), { maxQueued: 4, rememberPatches: 10, now: () => (t += 10) });
    run.enqueue(fakeBundle('p1', '1', '2'), { patchId: 'p1', correlation: undefined, receivedAt: run.now() }, run.arrived());
    await run.idle();
    // Each reading of the clock is 10 ms after the previous one: arrival, verify start and end, gate start, commit start and end.
    expect(seen.at(-1)).toMatchObject({ stage: 'committed', timings: { queuedMs: 10, verifyMs: 10, gateMs: 10, commitMs: 10, watchMs: 0 } });
  });

  it.each([
    [{ format: 2 }, 'unsupported-format'],
    [{ signature: 'forged' }, 'bad-signature'],
    [{ key: 'someone-else' }, 'untrusted-key'],
    [{ from: '0' }, 'wrong-version'],
    [{ failGate: true }, 'gate-failed'],
  ])('reports the refusal of a stage with its reason: %j', async (overrides, reason) => {
    const fake = new FakePipeline('1');
    const { run, send, stages, seen } = runner(fake);
    send(fakeBundle('p1', '1', '2', overrides));
    await run.idle();
    expect(stages().at(-1)).toBe(`p1:rejected:${reason}`);
    expect(seen.at(-1)?.body).toMatchObject({ message: expect.stringMatching(/failed: /) });
    expect(fake.applied).toEqual([]);
  });

  it('reports a rollback after the commit as the final result', async () => {
    const { run, send, stages, seen } = runner(new FakePipeline('1'));
    send(fakeBundle('p1', '1', '2', { rollBack: true }));
    await run.idle();
    expect(stages()).toEqual(['p1:validated', 'p1:rolled-back']);
    expect(seen[1]?.body).toMatchObject({ reason: 'nan', version: '1' });
  });

  it('turns a stage that throws instead of refusing into stage-error, and keeps running patches', async () => {
    const fake = new FakePipeline('1');
    const broken: PatchPipeline<FakePatch> = { ...fake, gate: () => Promise.reject(new TypeError('x is undefined')) };
    const { run, send, stages, seen } = runner(broken);
    send(fakeBundle('p1', '1', '2'));
    send(fakeBundle('p2', '1', '2'));
    await run.idle();
    expect(stages()).toEqual(['p1:rejected:stage-error', 'p2:rejected:stage-error']);
    expect(seen[0]?.body).toMatchObject({ message: expect.stringMatching(/the gate stage threw instead of refusing \(TypeError: x is undefined\)/) });
  });

  it('applies a patch once: a copy queued behind it is a duplicate, a later copy a replay', async () => {
    const fake = new FakePipeline('1');
    const { run, send, stages } = runner(fake);
    const bundle = fakeBundle('p1', '1', '2');
    fake.hold();
    send(bundle);
    send(bundle);
    fake.release();
    await run.idle();
    send(bundle);
    await run.idle();
    expect(stages()).toEqual(['p1:validated', 'p1:committed', 'p1:rejected:duplicate', 'p1:rejected:replay']);
    expect(fake.applied).toEqual(['p1']);
  });

  it('runs queued patches in arrival order and refuses beyond maxQueued', async () => {
    const fake = new FakePipeline('1');
    const { run, send, stages } = runner(fake, 2);
    fake.hold();
    expect([send(fakeBundle('p1', '1', '2')), send(fakeBundle('p2', '2', '3')), send(fakeBundle('p3', '3', '4')), send(fakeBundle('p4', '4', '5'))]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    fake.release();
    await run.idle();
    expect(fake.applied).toEqual(['p1', 'p2', 'p3']);
    expect(stages().filter((s) => s.endsWith('committed'))).toEqual(['p1:committed', 'p2:committed', 'p3:committed']);
  });

  it('gives back the waiting patches on clear, not the one in progress', async () => {
    const fake = new FakePipeline('1');
    const { run, send } = runner(fake);
    fake.hold();
    send(fakeBundle('p1', '1', '2'));
    send(fakeBundle('p2', '2', '3'));
    await Promise.resolve();
    expect(run.clear()).toHaveLength(1);
    fake.release();
    await run.idle();
    expect(fake.applied).toEqual(['p1']);
  });

  it('ends every patch with exactly one final result and applies no id twice, whatever the mix', async () => {
    const variant = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      overrides: fc.constantFrom<Record<string, unknown>>({}, { signature: 'forged' }, { failGate: true }, { rollBack: true }, { format: 'x' }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(variant, { maxLength: 12 }), async (patches) => {
        const fake = new FakePipeline('v');
        const { run, send, seen } = runner({ ...fake, verify: async (bundle) => ({ ...(await fake.verify({ ...bundle, from: fake.version })), to: 'v' }) }, 20);
        for (const { id, overrides } of patches) send(fakeBundle(id, 'v', 'v', overrides));
        await run.idle();
        const finals = seen.filter(({ body }) => ['rejected', 'committed', 'rolled-back'].includes(body.stage));
        expect(finals).toHaveLength(patches.length);
        expect(new Set(fake.applied).size).toBe(fake.applied.length);
      }),
    );
  });

  it('remembers only verified ids: a forged copy that borrows an id neither blocks the genuine patch nor is applied', async () => {
    const fake = new FakePipeline('1');
    const { run, send, stages } = runner(fake);
    send(fakeBundle('p1', '1', '2', { signature: 'forged' }));
    send(fakeBundle('p1', '1', '2'));
    send(fakeBundle('p1', '1', '2', { signature: 'forged' }));
    await run.idle();
    expect(stages()).toEqual(['p1:rejected:bad-signature', 'p1:validated', 'p1:committed', 'p1:rejected:duplicate']);
    expect(fake.applied).toEqual(['p1']);
  });

  it('labels the results after verify with the verified id, not the claimed one', async () => {
    const fake = new FakePipeline('1');
    const labels: (string | null)[] = [];
    const run = new PatchRunner(fake, (reply: Reply) => labels.push(reply.patchId), { maxQueued: 1, rememberPatches: 1 });
    run.enqueue(fakeBundle('p1', '1', '2'), { patchId: 'claimed', correlation: undefined, receivedAt: run.now() }, run.arrived());
    await run.idle();
    expect(labels).toEqual(['p1', 'p1']);
  });
});

describe('PatchRejectedError', () => {
  it('carries its reason', () => {
    const error = new PatchRejectedError('bad-digest', 'verify failed: digest mismatch');
    expect([error.name, error.reason, error.message]).toEqual(['PatchRejectedError', 'bad-digest', 'verify failed: digest mismatch']);
  });
});
