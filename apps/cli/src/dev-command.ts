import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from './commands';
import { runController } from './controller-process';

/** The shipped behaviours' sources, watched when no `--src` is given. */
const BEHAVIOURS_SRC = join(__dirname, '..', '..', '..', 'libs', 'behaviours', 'src');

const HELP = `usage: tickswap dev [--src <dir>] [controller options]

Live development: the controller runs the simulated robot and watches the
behaviour sources. Each save is type-checked, turned into a patch (the changes
are derived: classes, fields added, removed, renamed), proven on the simulator
gate (2 s, --dev-horizon) and committed at the next tick boundary with the
robot's state kept. Each save prints its changes, the verdict, the downtime and
the time of each step. Type errors are shown, not applied; a change that cannot
be migrated by itself is shown with the stub to fill in, and the robot keeps
its version.

  --src <dir>   the behaviour sources to watch (default: ${BEHAVIOURS_SRC})
  --rename <C.old=new,...>, --no-rename <C.old,...>
                renames are guessed from how fields are used (each save shows
                its guesses with their scores): these options override them
Any other option is the controller's (tickswap run --help); the update journal
defaults to a file in ${tmpdir()}, since a derived patch lives only as long as the session.`;

/**
 * `tickswap dev [--src <dir>] [controller options]`: the controller on the
 * simulated robot with live development on (its `--dev`), in this terminal.
 *
 * @example
 * tickswap dev --src /tmp/behaviours-copy
 */
export const devCommand: Command = {
  summary: 'live development: each save of the behaviour sources becomes a patch committed to the running simulated robot',
  run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(HELP);
      return Promise.resolve(0);
    }
    const at = args.indexOf('--src');
    const src = at >= 0 ? args[at + 1] : BEHAVIOURS_SRC;
    const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : [...args];
    const journal = rest.includes('--journal') ? [] : ['--journal', join(tmpdir(), `tickswap-dev-${process.pid}.log`)];
    return runController(['--dev', src ?? '', ...journal, ...rest]);
  },
};
