import type { UpdateEvent } from '@tickswap/control-loop';
import type { Patch, Policy } from '@tickswap/dsu';
import type { TrustedKeys } from '@tickswap/patch-format';
import type { RobotDescription } from '@tickswap/robots';
import { captureLiveState, Validator, verdictLine, type GateOptions, type GateVerdict, type LiveState, type PatchSource } from '@tickswap/validator';
import { take } from 'rxjs';
import type { Controller } from './controller';
import { committedChain } from './journal-chain';
import { patchModuleId, patchModuleSource } from './patch-modules';
import { UpdateNotes } from './update-notes';

/** What a {@link ControllerGate} needs to know beside the controller. */
export interface ControllerGateOptions {
  readonly robot: RobotDescription;
  /** Where the patches committed before the controller started (the journal's chain) come from, and the version they produce. */
  readonly restored: { readonly sources: readonly PatchSource[]; readonly version: string };
  /** The version of the shipped behaviours. */
  readonly base: string;
  /** Prints a line (stdout). */
  readonly print: (line: string) => void;
  /** Horizon, budget and time limit of every gate (the rate is the loop's). */
  readonly options?: Omit<GateOptions, 'rateHz'>;
}

/** A gate's outcome: whether the patch may be prepared, why in one line, and the verdict when the gate ran. */
export interface GateOutcome {
  readonly accepted: boolean;
  readonly reason: string;
  readonly verdict: GateVerdict | undefined;
}

/** Outcomes after which an update is over: the gate's next worker may load without disturbing a commit or its watch. */
const SETTLED: ReadonlySet<UpdateEvent> = new Set(['kept', 'rolled-back', 'rollback-failed', 'abandoned', 'refused', 'failed']);

/** The file the worker imports for a patch module the controller names (a known name, or a file). */
/**
 * The simulator gate of a running controller: before an update is prepared,
 * its patch runs on the simulator from a copy of the live state taken at the
 * next tick boundary, in a worker thread loaded ahead of time (the loop is
 * never held up: taking the copy is the only work done on its thread, a
 * snapshot between two ticks). The next worker loads before the loop starts
 * ({@link start}) and after each update has settled, never during a commit
 * or its watch, when its start-up would compete with the loop for the CPU.
 * A rejected patch never reaches the hot swap:
 * the robot keeps running its version, untouched, and the refusal, with
 * the gate's first failing check, goes into the update log (so it is
 * printed and journalled like every other outcome).
 *
 * @example
 * const gate = new ControllerGate(controller, { robot, restored, base: '0', print: console.log });
 * await gate.start(); // before controller.start()
 * if (await gate.admit('pid-integral-limit', patch, 'prepared')) await controller.hotSwap.request(patch);
 * await gate.close();
 */
export class ControllerGate {
  private readonly validator = new Validator();
  /** Where the patches this gate let through came from, by update id: the running version is rebuilt from them. */
  private readonly sources = new Map<string, PatchSource>();
  /** What each admitted update changes and its verdict, for telemetry's update marks. */
  readonly notes = new UpdateNotes();
  private trustedKeys: TrustedKeys | undefined;

  constructor(
    private readonly controller: Controller,
    private readonly settings: ControllerGateOptions,
  ) {
    controller.hotSwap.log.entries$.subscribe((entry) => {
      if (SETTLED.has(entry.event)) void this.validator.standBy();
    });
  }

  /** Loads the first gate's worker; resolves when it is ready (it never rejects: a gate without one starts a worker when it runs). */
  start(): Promise<void> {
    return this.validator.standBy();
  }

  /** {@link judge} for a patch module (`--patch`): whether it passed. */
  async admit(spec: string, patch: Patch, policy: Policy): Promise<boolean> {
    return (await this.judge(patchModuleId(spec), patchModuleSource(spec), patch, policy)).accepted;
  }

  /**
   * Runs the gate for the patch `patch` (update id `id`, whose code the
   * worker loads from `source`; a bundle is verified again with
   * `trustedKeys`). Never rejects: a gate that cannot run refuses.
   */
  async judge(id: string, source: PatchSource, patch: Patch, policy: Policy, trustedKeys?: TrustedKeys): Promise<GateOutcome> {
    this.trustedKeys = trustedKeys ?? this.trustedKeys;
    let verdict: GateVerdict;
    try {
      verdict = await this.validator.run({
        running: { base: this.settings.base, chain: this.chain() },
        state: await this.liveState(),
        scenario: { robot: this.settings.robot },
        candidate: source,
        ...(this.trustedKeys === undefined ? {} : { trustedKeys: this.trustedKeys }),
        options: { ...this.settings.options, rateHz: 1000 / this.controller.loop.periodMs },
      });
    } catch (error) {
      return this.refuse(id, patch, policy, `the simulator gate could not run: ${(error as Error).message}`, undefined);
    }
    const reason = `the simulator gate ${verdictLine(verdict)}`;
    if (!verdict.accepted) return this.refuse(id, patch, policy, reason, verdict);
    this.sources.set(id, source);
    this.notes.admit(id, patch, reason);
    this.settings.print(`update ${id}: ${reason}`);
    return { accepted: true, reason, verdict };
  }

  /** Stops the gate's standby worker. */
  async close(): Promise<void> {
    await this.validator.close();
  }

  /** The committed patches in force now: those restored at start, then those the hot swap committed and kept. */
  private chain(): PatchSource[] {
    const { sources, version } = this.settings.restored;
    const committed = committedChain(this.controller.hotSwap.log.entries, version).ids;
    return [...sources, ...committed.map((id) => this.sources.get(id) ?? patchModuleSource(id))];
  }

  /** The live state at the next tick boundary (the loop's records are emitted after it, before the next tick). */
  private liveState(): Promise<LiveState> {
    const { live, loop, readings } = this.controller;
    return new Promise((resolve, reject) => {
      loop.ticks$.pipe(take(1)).subscribe({
        next: () => {
          try {
            resolve(captureLiveState(live, readings));
          } catch (error) {
            reject(error as Error);
          }
        },
        complete: () => reject(new Error('the loop stopped before a tick boundary to copy the state at')),
      });
    });
  }

  private refuse(id: string, patch: Patch, policy: Policy, reason: string, verdict: GateVerdict | undefined): GateOutcome {
    const { live, loop } = this.controller;
    this.controller.hotSwap.log.append({
      event: 'refused',
      id,
      from: patch.from,
      to: patch.to,
      policy,
      version: live.namespace.version,
      tick: undefined,
      at: loop.scheduler.now(),
      reason,
      failure: undefined,
      downtime: undefined,
      preparation: undefined,
    });
    return { accepted: false, reason, verdict };
  }
}
