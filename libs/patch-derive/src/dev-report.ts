import type { DevApplyOutcome } from './dev-host';

/** How long each step from a save to its commit took, ms (0 for a step that did not run). */
export interface DevTimings {
  /** Type check of the edited sources. */
  readonly checkMs: number;
  /** Derivation of the changes and writing the patch package. */
  readonly deriveMs: number;
  /** Bundling and signing. */
  readonly buildMs: number;
  /** Loading and the simulator gate. */
  readonly gateMs: number;
  /** Hot swap, up to the commit at a tick boundary. */
  readonly commitMs: number;
}

/** What came of one save. */
export interface DevReport {
  /** The save's number, from 1. */
  readonly save: number;
  readonly outcome: DevApplyOutcome['outcome'] | 'type-errors' | 'stubs' | 'unchanged' | 'failed';
  /** The derived changes, as `changeLines` prints them. */
  readonly changes: readonly string[];
  /** The verdict, the refusal or the errors, in one or more lines. */
  readonly message: string;
  /** The version the robot runs after it. */
  readonly version: string;
  readonly timings: DevTimings;
  readonly downtime?: DevApplyOutcome['downtime'];
  /** The patch package of the save, when one was written: the same package builds, signs and publishes to a robot. */
  readonly packageDir?: string;
}

const ms = (value: number): string => value.toFixed(0);

/**
 * A save's report as terminal lines: the changes, then one line with the
 * outcome, the verdict, the downtime and where the time went.
 *
 * @example
 * devReportLines(report); // ['save 2: Pid: replace (code changed)', ..., 'save 2: committed, version 2 runs: ... downtime 0.18 ms ...']
 */
export function devReportLines(report: DevReport): string[] {
  const t = report.timings;
  const total = t.checkMs + t.deriveMs + t.buildMs + t.gateMs + t.commitMs;
  const split = `check ${ms(t.checkMs)}, derive ${ms(t.deriveMs)}, build ${ms(t.buildMs)}, gate ${ms(t.gateMs)}, commit ${ms(t.commitMs)}`;
  const downtime = report.downtime === undefined ? '' : `; downtime ${report.downtime.boundaryMs.toFixed(2)} ms at the boundary, ${report.downtime.missedTicks} tick(s) missed`;
  const head = `save ${report.save}:`;
  const outcome =
    report.outcome === 'committed'
      ? `committed, version ${report.version} runs: ${report.message}${downtime}; save -> committed ${ms(total)} ms (${split})`
      : `${report.outcome === 'unchanged' ? 'nothing to apply' : `not applied (${report.outcome})`}, version ${report.version} runs: ${report.message}`;
  const where = report.outcome === 'committed' && report.packageDir !== undefined ? [`package ${report.packageDir} (for a robot: tickswap patch build, sign, publish)`] : [];
  return [...report.changes, ...outcome.split('\n'), ...where].map((line) => `${head} ${line}`);
}
