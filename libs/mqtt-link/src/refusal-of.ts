import { PatchRejectedError } from './errors';
import type { RejectReason } from './reasons';

/** The three stages of the pipeline. */
export type StageName = 'verify' | 'gate' | 'commit';

/**
 * What to report for an error a stage threw: its own reason for a
 * `PatchRejectedError`, `stage-error` for anything else (a bug in the stage;
 * the message says so, with what was thrown).
 *
 * @example
 * refusalOf('gate', new PatchRejectedError('gate-failed', 'tracking error 0.4 rad')); // { reason: 'gate-failed', ... }
 */
export function refusalOf(stage: StageName, error: unknown): { reason: RejectReason; message: string } {
  if (error instanceof PatchRejectedError) return { reason: error.reason, message: error.message };
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    reason: 'stage-error',
    message: `PatchAgent: the ${stage} stage threw instead of refusing (${what}); the patch was not applied by this stage, report the bug with this message`,
  };
}
