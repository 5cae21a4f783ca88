/** The command line of live development: the sources to watch and the gate's horizon. */
export interface DevArgs {
  /** The behaviour sources whose saves become patches (`--dev <dir>`); undefined: no live development. */
  readonly devDir: string | undefined;
  /** Robot time the simulator gate runs each derived patch, s (`--dev-horizon`, default 2). */
  readonly devHorizonS: number;
}

/** The options `parseArgs` must accept for {@link devArgs}. */
export const DEV_OPTIONS = {
  dev: { type: 'string' },
  'dev-horizon': { type: 'string' },
} as const;

/** Their lines of `--help`. */
export const DEV_USAGE = `  --dev <dir>         live development: each save of the behaviour sources in <dir> becomes a patch,
                      derived, gated and committed at the next tick boundary (tickswap dev)
  --dev-horizon <s>   robot time the simulator gate runs each derived patch (default 2)`;

/**
 * Reads the live-development options from what `parseArgs` returned; `usage`
 * builds the error to throw for a bad value (the caller's usage error).
 *
 * @example
 * devArgs({ dev: 'libs/behaviours/src' }, (m) => new Error(m)).devHorizonS; // 2
 */
export function devArgs(values: { dev?: string; 'dev-horizon'?: string }, usage: (message: string) => Error): DevArgs {
  if (values.dev === '') throw usage("parseControllerArgs failed: --dev must name the folder of the behaviour sources, got ''");
  const horizon = values['dev-horizon'];
  const devHorizonS = horizon === undefined ? 2 : Number(horizon);
  if (!(Number.isFinite(devHorizonS) && devHorizonS > 0)) throw usage(`parseControllerArgs failed: --dev-horizon must be a positive number of seconds, got '${horizon}'`);
  if (horizon !== undefined && values.dev === undefined) throw usage('parseControllerArgs failed: --dev-horizon applies to --dev; give the folder to watch');
  return { devDir: values.dev, devHorizonS };
}
