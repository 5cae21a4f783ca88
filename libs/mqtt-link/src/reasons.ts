/**
 * Why a robot refused a patch (the `reason` of a `rejected` result). The
 * running version never changed when one of these is reported.
 *
 * - before the bundle is read: `too-large`, `malformed-json`, `invalid-bundle`
 *   (not a JSON object), `queue-full`, `shutting-down`;
 * - by the verify stage: `unsupported-format`, `bad-digest`, `bad-signature`,
 *   `untrusted-key`, `wrong-version` (built for a version that is not running);
 * - by the agent after verify: `duplicate` (the same patch id arrived again
 *   while its first copy was queued or in progress: MQTT redelivery),
 *   `replay` (the patch id was handled before this copy arrived);
 * - by the later stages: `gate-failed`, `commit-failed`;
 * - `stage-error`: a stage threw something that is not a refusal (a bug).
 */
export const REJECT_REASONS = [
  'too-large',
  'malformed-json',
  'invalid-bundle',
  'queue-full',
  'shutting-down',
  'unsupported-format',
  'bad-digest',
  'bad-signature',
  'untrusted-key',
  'wrong-version',
  'duplicate',
  'replay',
  'gate-failed',
  'commit-failed',
  'stage-error',
] as const;

/** One of {@link REJECT_REASONS}. */
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Why a committed patch was rolled back: what the watch after the commit
 * caught (`throw`, `nan`, `out-of-limit`, `missed-deadlines`) or an
 * `operator` request.
 */
export const ROLLBACK_REASONS = ['throw', 'nan', 'out-of-limit', 'missed-deadlines', 'operator'] as const;

/** One of {@link ROLLBACK_REASONS}. */
export type RollbackReason = (typeof ROLLBACK_REASONS)[number];
