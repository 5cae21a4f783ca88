import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as behaviours from '@tickswap/behaviours';
import { BEHAVIOUR_CLASSES, Pid } from '@tickswap/behaviours';
import { LiveSystem, Namespace } from '@tickswap/dsu';
import { buildBundle, BundleBuildError, importPatchPackage, loadBundle, modulesFor, signBundle, trustKeys, unfilledStubs, verifyBundle } from '@tickswap/patch-format';
import { derivePatchPackage } from './derive-patch-package';
import { DeriveError } from './errors';
import { edited, shippedSources } from './testing/source-fixtures';
import { writePatchPackage } from './write-patch-package';

const before = shippedSources();
/** The shipped PID with `integral` renamed `integralSum` and a new `bias` added to its output. */
const renamed = edited(before, 'pid.ts', (t) =>
  t
    .replace("'integral',", "'integralSum', 'bias',")
    .replace('integral = 0;', 'integralSum = 0;\n  bias = 0.25;')
    .replace(/this\.integral\b/g, 'this.integralSum')
    .replace('return this.output;', 'return this.output + this.bias;'),
);
/** The shipped PID whose `kd` becomes a list of gains: its values need a migration nobody wrote yet. */
const retyped = edited(before, 'pid.ts', (t) => t.replace('kd: number;', 'kd: number[];').replace("this.kd = gain('kd', options.kd ?? 0);", 'this.kd = [0];').replace('-this.kd *', '-(this.kd[0] ?? 0) *'));

let dir = '';
beforeEach(async () => {
  // Inside the workspace (its tmp/ is ignored), so a package imported in this process resolves @tickswap/*.
  await mkdir(join(__dirname, '..', 'tmp'), { recursive: true });
  dir = await mkdtemp(join(__dirname, '..', 'tmp', 'derive-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Builds the package, signs it, and loads it as a robot on version 0 does: with the classes the bundle says it means. */
async function loadOnRobot(packageDir: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const verified = verifyBundle(signBundle(await buildBundle(packageDir), privateKey), { trustedKeys: trustKeys([publicKey]), runningVersion: '0' });
  expect(verified.classes).toBe('running');
  return loadBundle(verified, { modules: modulesFor(verified, { '@tickswap/behaviours': behaviours }, Namespace.of('0', BEHAVIOUR_CLASSES)) });
}

describe('derivePatchPackage', () => {
  it('writes a package that builds, signs, loads and migrates a live PID with its state', async () => {
    const derived = derivePatchPackage({ before, after: renamed, from: '0', to: '1', origin: 'shipped -> edited' });
    expect([...derived.files.keys()]).toEqual(['patch.ts', 'src/pid.ts']);
    expect(derived.files.get('src/pid.ts')).toContain("import { Behaviour } from '@tickswap/behaviours';");
    expect(derived.files.get('patch.ts')).toContain("export const classes = 'running';");
    await writePatchPackage(dir, derived);
    const patch = await loadOnRobot(dir);
    const pid = new Pid({ kp: 1, ki: 1 });
    pid.setpoint = 1;
    pid.update(0, 0.5);
    const integral = pid.integral;
    const live = new LiveSystem(Namespace.of('0', BEHAVIOUR_CLASSES), { pid });
    live.update(patch);
    const migrated = live.root.pid as unknown as Record<string, unknown> & { update(m: number, dt: number): number };
    expect(migrated).toMatchObject({ integralSum: integral, bias: 0.25, kp: 1, ki: 1 });
    expect(Object.hasOwn(migrated, 'integral')).toBe(false);
    // The new code runs on the carried state: P (1) + the integral carried and grown by one step + the bias.
    expect(migrated.update(0, 0.001)).toBeCloseTo(1 + integral + 0.001 + 0.25, 6);
  });

  it('emits a marked stub for a field whose type changed: the package is refused at build, and its stub applied anyway migrates nothing', async () => {
    const derived = derivePatchPackage({ before, after: retyped, from: '0', to: '1', origin: 'shipped -> edited' });
    expect(derived.changes.stubs.map((stub) => stub.message)).toEqual(['Pid.kd changed type from number to number[]: write how an old value becomes a new one']);
    await writePatchPackage(dir, derived);
    expect(unfilledStubs(await readFile(join(dir, 'patch.ts'), 'utf8'))).toEqual([
      { line: expect.any(Number), text: '// TODO(tickswap): Pid.kd changed type from number to number[]: write how an old value becomes a new one' },
    ]);
    await expect(buildBundle(dir)).rejects.toThrow(BundleBuildError);
    await expect(buildBundle(dir)).rejects.toThrow(/has 1 stub\(s\) to fill in/);
    // In-process (at a desk, unbundled) nothing refuses it before the update: the stub throws and the update is undone.
    const patch = importPatchPackage(dir);
    const pid = new Pid({ kp: 1, kd: 0.5 });
    const live = new LiveSystem(Namespace.of('0', BEHAVIOUR_CLASSES), { pid });
    expect(() => live.update(patch)).toThrow(/TODO\(tickswap\): Pid\.kd changed type from number to number\[\]/);
    expect(live.namespace.version).toBe('0');
    expect(live.root.pid).toBe(pid);
    expect(pid).toBeInstanceOf(Pid);
    expect(pid.kd).toBe(0.5);
  });

  it('writes a class added in a new file and a superclass change as a package that builds', async () => {
    const after = new Map(before)
      .set('stop.ts', "import type { MotorCommands } from '@tickswap/motor-bus';\nimport { Behaviour } from './behaviour';\n\nexport class Stop extends Behaviour {\n  static readonly fields = ['commands'] as const;\n  commands: MotorCommands = { goals: new Float64Array(2) } as unknown as MotorCommands;\n  update(): MotorCommands {\n    return this.commands;\n  }\n}\n");
    const moved = edited(after, 'multi-rate.ts', (t) => t.replace(/extends Behaviour<TInput, TOutput>/, 'extends Stop').replace("import { Behaviour } from './behaviour';", "import type { Behaviour } from './behaviour';\nimport { Stop } from './stop';"));
    const derived = derivePatchPackage({ before, after: moved, from: '0', to: '1', origin: 'x' });
    expect(derived.changes.classes.map((c) => [c.name, c.kind, c.superclass?.to])).toEqual([
      ['MultiRate', 'replace', 'Stop'],
      ['Stop', 'add', undefined],
    ]);
    // The new superclass's field comes with it: declared added, with Stop's initialiser.
    expect(derived.changes.classes[0]?.added.map((field) => field.name)).toEqual(['commands']);
    await writePatchPackage(dir, derived);
    const bundle = await buildBundle(dir);
    expect(bundle.changes.classes).toMatchObject({ Stop: { kind: 'add', fields: ['commands'] }, MultiRate: { kind: 'replace' } });
    expect(bundle.code).toContain('require("@tickswap/behaviours")');
    // The namespace takes it: every field of the new layout is declared.
    expect(Namespace.of('0', BEHAVIOUR_CLASSES).apply(importPatchPackage(dir)).descriptor('MultiRate').fields).toEqual(['commands', 'inner', 'every', 'countdown', 'elapsed', 'output']);
  });

  it('gives no files when no behaviour class changed', () => {
    const comment = edited(before, 'pid.ts', (t) => t.replace('/** Settings of a', '/** The settings of a'));
    expect(derivePatchPackage({ before, after: comment, from: '0', to: '1', origin: 'x' }).files.size).toBe(0);
  });

  it('refuses to overwrite a package that exists', async () => {
    const derived = derivePatchPackage({ before, after: renamed, from: '0', to: '1', origin: 'x' });
    await writePatchPackage(dir, derived);
    await expect(writePatchPackage(dir, derived)).rejects.toThrow(DeriveError);
    await expect(writePatchPackage(dir, derived)).rejects.toThrow(/^writePatchPackage failed: .*patch\.ts exists; choose another --out/);
  });
});
