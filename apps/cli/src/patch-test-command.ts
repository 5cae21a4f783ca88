import { writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { runGate, trajectorySvg, verdictLine } from '@tickswap/validator';
import { subcommand } from './command-group';
import { deskGate } from './patch-test-request';
import { progressBar } from './progress-bar';
import { verdictTable } from './verdict-table';

const DEFAULT_PLOT = 'tickswap-gate.svg';

/**
 * `tickswap patch test <patch> [options]`: the robot's simulator gate at a
 * desk: the patch (a package folder, a module, or a signed bundle with
 * --trust) runs on the simulator from a saved live state (--snapshot) or
 * from the robot description's initial state, beside the running version.
 * Shows its progress, prints every check with its figures and plots both
 * trajectories (SVG, --plot). Exits 0 accepted, 1 rejected, 2 usage error.
 *
 * @example
 * tickswap patch test patches/pid-integral-limit --horizon 10 --plot pid.svg
 */
export const patchTestCommand = subcommand({
  name: 'patch test',
  synopsis: '<patch folder | module.ts | bundle.json> [--snapshot <file>] [--chain <module,...>] [--robot <file>] [--side <m>] [--recording <file>] [--trust <keys>] [--horizon <s>] [--rate <Hz>] [--time-limit <ms>] [--plot <file.svg>]',
  summary: `run a patch through the simulator gate at a desk (from a saved live state or the robot's initial state); plots old vs new to --plot (default ${DEFAULT_PLOT})`,
  options: ['snapshot', 'chain', 'robot', 'side', 'recording', 'trust', 'horizon', 'rate', 'time-limit', 'plot'],
  positionals: 1,
  async run(args) {
    const spec = args.positionals[0] as string;
    const { request, stateFrom } = await deskGate(args);
    console.log(`tickswap patch test ${spec}: from ${stateFrom}, on ${request.scenario.recording === undefined ? 'the physics' : 'a recording'} of ${request.scenario.robot.name}`);
    const bar = progressBar(process.stderr);
    const verdict = await runGate(request, bar.update);
    bar.done();
    console.log(['', ...verdictTable(verdict), ''].join('\n'));
    const plot = args.option('plot') ?? DEFAULT_PLOT;
    writeFileSync(plot, trajectorySvg(verdict, `tickswap patch test ${basename(spec) === 'patch.ts' ? basename(dirname(spec)) : basename(spec)}`));
    console.log(`trajectories, running version against candidate: ${plot}`);
    console.log(verdictLine(verdict));
    return verdict.accepted ? 0 : 1;
  },
});
