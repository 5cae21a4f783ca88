import { PatchLedger } from './patch-ledger';
import type { PatchPipeline, VerifiedPatch } from './patch-pipeline';
import { refusalOf, type StageName } from './refusal-of';
import type { StageTimings } from './figures';
import type { ResultBody } from './result-message';

/** Where the results of one patch message go: its label and the MQTT 5 correlation data to echo. */
export interface Reply {
  patchId: string | null;
  readonly correlation: Buffer | undefined;
  /** When the message arrived, ms on the runner's clock (`PatchRunner#now`). */
  readonly receivedAt: number;
}

/** How many patches a runner holds and remembers, and the clock it times stages with. */
export interface RunnerLimits {
  readonly maxQueued: number;
  readonly rememberPatches: number;
  /** Monotonic milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

/** Publishes one result of the message `reply` stands for. */
export type ResultSink = (reply: Reply, body: ResultBody) => void;

interface Queued {
  readonly bundle: Readonly<Record<string, unknown>>;
  readonly reply: Reply;
  /** Position of the message among all patch messages received. */
  readonly arrival: number;
}

/**
 * Runs patches through the pipeline one at a time, in arrival order, with at
 * most `maxQueued` waiting; applies each patch id at most once (see
 * `PatchLedger`). Reports every stage to `sink`, the outcome with the time
 * each stage took (`StageTimings`); never throws.
 *
 * @example
 * const runner = new PatchRunner(pipeline, sink, { maxQueued: 4, rememberPatches: 1000 });
 * if (!runner.enqueue(bundle, { patchId, correlation, receivedAt: runner.now() }, runner.arrived())) refuse(reply, 'queue-full');
 */
export class PatchRunner<P> {
  private readonly ledger: PatchLedger;
  private readonly queue: Queued[] = [];
  private draining: Promise<void> | undefined;
  private arrivals = 0;
  /** The clock stages are timed with, monotonic ms. */
  readonly now: () => number;

  constructor(
    private readonly pipeline: PatchPipeline<P>,
    private readonly sink: ResultSink,
    private readonly limits: RunnerLimits,
  ) {
    this.ledger = new PatchLedger(limits.rememberPatches);
    this.now = limits.now ?? (() => performance.now());
  }

  /** Counts a patch message as arrived (read or not); returns its arrival number. */
  arrived(): number {
    return ++this.arrivals;
  }

  /** Queues a bundle; `false` (nothing queued) when `maxQueued` already wait. */
  enqueue(bundle: Readonly<Record<string, unknown>>, reply: Reply, arrival: number): boolean {
    if (this.queue.length >= this.limits.maxQueued) return false;
    this.queue.push({ bundle, reply, arrival });
    this.draining ??= this.drain();
    return true;
  }

  /** Removes the waiting patches (not the one in progress) and returns their replies. */
  clear(): Reply[] {
    return this.queue.splice(0).map((item) => item.reply);
  }

  /** Resolves once no patch is queued or in progress. */
  async idle(): Promise<void> {
    while (this.draining !== undefined) await this.draining;
  }

  private async drain(): Promise<void> {
    for (let item = this.queue.shift(); item !== undefined; item = this.queue.shift()) await this.process(item);
    this.draining = undefined;
  }

  private async process({ bundle, reply, arrival }: Queued): Promise<void> {
    // Checked on the claimed id before verify too, so that a copy of a patch that moved the version on is
    // reported as the duplicate it is, not as built for another version. Only verified ids are remembered:
    // a forged bundle that borrows an id cannot make the genuine one look like a copy.
    if (reply.patchId !== null && this.refusedAgain(reply, reply.patchId, arrival)) return;
    const verifyStart = this.now();
    const verified = await this.stage(reply, 'verify', () => this.pipeline.verify(bundle));
    if (verified === undefined) return;
    reply.patchId = verified.id;
    if (this.refusedAgain(reply, verified.id, arrival)) return;
    const times = { queuedMs: verifyStart - reply.receivedAt, verifyMs: this.now() - verifyStart };
    try {
      await this.gateAndCommit(verified, reply, times);
    } finally {
      this.ledger.finish(verified.id, this.arrivals);
    }
  }

  /** Refuses the message if patch `id` was handled before it arrived or while it waited. */
  private refusedAgain(reply: Reply, id: string, arrival: number): boolean {
    const again = this.ledger.seen(id, arrival);
    if (again === undefined) return false;
    const when = again === 'duplicate' ? 'while its first copy was queued or in progress' : 'after it had been handled';
    const message = `PatchAgent: patch '${id}' arrived again ${when}; each patch is applied at most once, publish a new patch to change the robot again`;
    this.sink(reply, { stage: 'rejected', reason: again, message });
    return true;
  }

  private async gateAndCommit(verified: VerifiedPatch<P>, reply: Reply, times: Pick<StageTimings, 'queuedMs' | 'verifyMs'>): Promise<void> {
    const gateStart = this.now();
    const gate = await this.stage(reply, 'gate', () => this.pipeline.gate(verified));
    if (gate === undefined) return;
    this.sink(reply, { stage: 'validated', from: verified.from, to: verified.to, gate });
    const commitStart = this.now();
    const outcome = await this.stage(reply, 'commit', () => this.pipeline.commit(verified));
    if (outcome === undefined) return;
    const { watchMs, version } = outcome;
    const timings: StageTimings = { ...times, gateMs: commitStart - gateStart, commitMs: Math.max(0, this.now() - commitStart - watchMs), watchMs };
    if (outcome.outcome === 'committed') {
      this.sink(reply, { stage: 'committed', version, downtime: outcome.downtime, timings });
    } else {
      this.sink(reply, { stage: 'rolled-back', reason: outcome.reason, message: outcome.message, version, downtime: outcome.downtime, timings });
    }
  }

  /** Runs a stage; a refusal or a throw is reported as `rejected` and gives `undefined`. */
  private async stage<T>(reply: Reply, name: StageName, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.sink(reply, { stage: 'rejected', ...refusalOf(name, error) });
      return undefined;
    }
  }
}
