import { parseRenameChoices, type RenameChoices } from '@tickswap/patch-derive';

/** The command line of live development: the sources to watch and the gate's horizon. */
export interface DevArgs {
  /** The behaviour sources whose saves become patches (`--dev <dir>`); undefined: no live development. */
  readonly devDir: string | undefined;
  /** Robot time the simulator gate runs each derived patch, s (`--dev-horizon`, default 2). */
  readonly devHorizonS: number;
  /** The engineer's word on renames, over the guesses (`--rename Class.old=new,...`, `--no-rename Class.old,...`). */
  readonly devRenames: RenameChoices;
}

/** The options `parseArgs` must accept for {@link devArgs}. */
export const DEV_OPTIONS = {
  dev: { type: 'string' },
  'dev-horizon': { type: 'string' },
  rename: { type: 'string' },
  'no-rename': { type: 'string' },
} as const;

/** Their lines of `--help`. */
export const DEV_USAGE = `  --dev <dir>         live development: each save of the behaviour sources in <dir> becomes a patch,
                      derived, gated and committed at the next tick boundary (tickswap dev)
  --dev-horizon <s>   robot time the simulator gate runs each derived patch (default 2)
  --rename <C.old=new,...>  with --dev: these fields were renamed (over the guesses from their usage)
  --no-rename <C.old,...>   with --dev: these fields were removed, not renamed`;

/**
 * Reads the live-development options from what `parseArgs` returned; `usage`
 * builds the error to throw for a bad value (the caller's usage error).
 *
 * @example
 * devArgs({ dev: 'libs/behaviours/src' }, (m) => new Error(m)).devHorizonS; // 2
 */
export function devArgs(values: { dev?: string; 'dev-horizon'?: string; rename?: string; 'no-rename'?: string }, usage: (message: string) => Error): DevArgs {
  if (values.dev === '') throw usage("parseControllerArgs failed: --dev must name the folder of the behaviour sources, got ''");
  const horizon = values['dev-horizon'];
  const devHorizonS = horizon === undefined ? 2 : Number(horizon);
  if (!(Number.isFinite(devHorizonS) && devHorizonS > 0)) throw usage(`parseControllerArgs failed: --dev-horizon must be a positive number of seconds, got '${horizon}'`);
  const given = (['dev-horizon', 'rename', 'no-rename'] as const).find((option) => values[option] !== undefined);
  if (given !== undefined && values.dev === undefined) throw usage(`parseControllerArgs failed: --${given} applies to --dev; give the folder to watch`);
  let devRenames: RenameChoices;
  try {
    devRenames = parseRenameChoices(values.rename, values['no-rename']);
  } catch (error) {
    throw usage(`parseControllerArgs failed: ${(error as Error).message}`);
  }
  return { devDir: values.dev, devHorizonS, devRenames };
}
