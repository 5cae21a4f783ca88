import { PatchRejectedError } from '../errors';
import type { GateFigures } from '../figures';
import type { CommitOutcome, PatchPipeline, VerifiedPatch } from '../patch-pipeline';

/** What a fake bundle asks of the fake stages. */
export interface FakePatch {
  /** The gate refuses it. */
  readonly failGate: boolean;
  /** Committed, then rolled back by the watch. */
  readonly rollBack: boolean;
}

/**
 * A bundle the {@link FakePipeline} trusts: format 1, signed by key `fleet`
 * (the "signature" is `signed:<id>`). Override fields to make it bad.
 *
 * @example
 * fakeBundle('p1', '1', '2', { signature: 'forged' }); // refused with bad-signature
 */
export function fakeBundle(id: string, from: string, to: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 1, id, from, to, key: 'fleet', signature: `signed:${id}`, code: 'export class Pid {}', failGate: false, rollBack: false, ...overrides };
}

const refuse = (reason: ConstructorParameters<typeof PatchRejectedError>[0], message: string): never => {
  throw new PatchRejectedError(reason, `verify failed: ${message}`);
};

/**
 * Stages for tests, in place of patch-format, the validator and the hot swap:
 * verify checks the fields of {@link fakeBundle} and that the patch applies to
 * the running `version`; commit moves `version` on and records the id in
 * `applied`. `hold()` makes the gate wait until `release()`, to queue patches
 * behind one in progress.
 *
 * @example
 * const fake = new FakePipeline('1');
 * const agent = new PatchAgent({ robot: 'r1', broker, pipeline: fake, figures: () => fake.figures() });
 */
export class FakePipeline implements PatchPipeline<FakePatch> {
  readonly applied: string[] = [];
  private held: Promise<void> | undefined;
  private releaseHeld: () => void = () => undefined;

  constructor(public version: string) {}

  /** Figures for the agent's status. */
  figures(): { version: string; loopHz: number; uptimeS: number } {
    return { version: this.version, loopHz: 1000, uptimeS: 1 };
  }

  /** The gate waits from now until {@link release}. */
  hold(): void {
    this.held = new Promise((resolve) => (this.releaseHeld = resolve));
  }

  release(): void {
    this.held = undefined;
    this.releaseHeld();
  }

  readonly verify = async (bundle: Readonly<Record<string, unknown>>): Promise<VerifiedPatch<FakePatch>> => {
    const { format, id, from, to, key, signature } = bundle;
    if (format !== 1) refuse('unsupported-format', `format ${JSON.stringify(format)} is not 1`);
    if (typeof id !== 'string' || typeof from !== 'string' || typeof to !== 'string') return refuse('invalid-bundle', 'id, from and to must be strings');
    if (key !== 'fleet') refuse('untrusted-key', `key ${JSON.stringify(key)} is not trusted`);
    if (signature !== `signed:${id}`) refuse('bad-signature', `signature of '${id}' does not match`);
    if (from !== this.version) refuse('wrong-version', `patch '${id}' applies to version '${from}', '${this.version}' runs`);
    return { id, from, to, patch: { failGate: bundle['failGate'] === true, rollBack: bundle['rollBack'] === true } };
  };

  readonly gate = async (patch: VerifiedPatch<FakePatch>): Promise<GateFigures> => {
    await this.held;
    if (patch.patch.failGate) throw new PatchRejectedError('gate-failed', `gate failed: patch '${patch.id}' left the track by 0.4 m`);
    return { ticks: 500, elapsedMs: 12.5, metrics: { maxTrackingErrorRad: 0.01, worstTickMs: null } };
  };

  readonly commit = async (patch: VerifiedPatch<FakePatch>): Promise<CommitOutcome> => {
    this.applied.push(patch.id);
    const downtime = { boundaryMs: 0.2, latenessMs: 0.05, missedTicks: 0 };
    if (patch.patch.rollBack) return { outcome: 'rolled-back', reason: 'nan', message: `watch: patch '${patch.id}' produced NaN at tick 12`, version: this.version, downtime, watchMs: 12 };
    this.version = patch.to;
    return { outcome: 'committed', version: this.version, downtime, watchMs: 0 };
  };
}
