import type { Policy } from '@tickswap/dsu';

/** The command line of hot swap: what to apply, when and how, and where the update journal is. */
export interface HotSwapArgs {
  /** Patch modules to apply while the robot runs, in order (`--patch`, repeatable). */
  readonly patches: readonly string[];
  /** Seconds after start to apply the first (`--apply-after`). */
  readonly applyAfterS: number;
  readonly policy: Policy;
  /** The update journal: read at start to restore the last committed version, appended at every update. */
  readonly journalPath: string;
  /** Grid periods the ticks watched after a commit may miss beyond the rate before it (`--watch-missed`; default the hot swap's, 5). */
  readonly watchMissedTicks: number | undefined;
}

/** The options `parseArgs` must accept for {@link hotSwapArgs}. */
export const HOT_SWAP_OPTIONS = {
  patch: { type: 'string', multiple: true },
  'apply-after': { type: 'string' },
  policy: { type: 'string' },
  journal: { type: 'string' },
  'watch-missed': { type: 'string' },
} as const;

/** Their lines of `--help`. */
export const HOT_SWAP_USAGE = `  --patch <module>    hot-swap this patch while the robot runs (a known name: pid-integral-limit, or a .ts
                      file exporting 'patch'); repeat it to apply several, one after the other
  --apply-after <s>   seconds after start to apply the first --patch (default 1)
  --policy <policy>   prepared | eager | lazy: how live instances migrate (default prepared)
  --journal <file>    the update journal: restores the last committed version at start, records every
                      update (default tickswap-updates.log)
  --watch-missed <n>  deadlines the 1000 ticks after a commit may miss beyond the rate before it, or the
                      update is rolled back (default 5; raise it where other work shares the cores)`;

const POLICIES: readonly Policy[] = ['prepared', 'eager', 'lazy'];

/**
 * Reads the hot-swap options from what `parseArgs` returned; `usage` builds
 * the error to throw for a bad value (the caller's usage error).
 *
 * @example
 * hotSwapArgs({ patch: ['pid-integral-limit'], 'apply-after': '2' }, (m) => new Error(m)).applyAfterS; // 2
 */
export function hotSwapArgs(
  values: { patch?: string[]; 'apply-after'?: string; policy?: string; journal?: string; 'watch-missed'?: string },
  usage: (message: string) => Error,
): HotSwapArgs {
  const after = values['apply-after'];
  const applyAfterS = after === undefined ? 1 : Number(after);
  if (!(Number.isFinite(applyAfterS) && applyAfterS >= 0)) throw usage(`parseControllerArgs failed: --apply-after must be a number of seconds >= 0, got '${after}'`);
  const policy = values.policy ?? 'prepared';
  if (!(POLICIES as readonly string[]).includes(policy)) throw usage(`parseControllerArgs failed: --policy must be one of ${POLICIES.join(', ')}, got '${policy}'`);
  if (values.journal === '') throw usage("parseControllerArgs failed: --journal must name a file, got ''");
  const missed = values['watch-missed'];
  const watchMissedTicks = missed === undefined ? undefined : Number(missed);
  if (watchMissedTicks !== undefined && !(Number.isInteger(watchMissedTicks) && watchMissedTicks >= 0)) {
    throw usage(`parseControllerArgs failed: --watch-missed must be a whole number of ticks >= 0, got '${missed}'`);
  }
  return { patches: values.patch ?? [], applyAfterS, policy: policy as Policy, journalPath: values.journal ?? 'tickswap-updates.log', watchMissedTicks };
}
