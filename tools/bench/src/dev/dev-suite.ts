import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@tickswap/mqtt-link/testing';
import type { BenchSuite } from '../suite';
import { fmt, median, table } from '../statistics';
import { ControllerProcess } from '../controller-process';

const EDITS = 20;
const HORIZON_S = 2;
const GOAL_MS = 1000;
const TIMEOUT_MS = 120_000;
const BEHAVIOURS = join(__dirname, '..', '..', '..', '..', 'libs', 'behaviours', 'src');

/** The next edit of the PID: its integral renamed `integralSum`, or back to `integral`; each a derived rename. */
function renameEdit(text: string): string {
  const [from, to] = text.includes("'integralSum',") ? ['integralSum', 'integral'] : ['integral', 'integralSum'];
  return text.replace(`'${from}',`, `'${to}',`).replace(`  ${from} = 0;`, `  ${to} = 0;`).replace(new RegExp(`this\\.${from}\\b`, 'g'), `this.${to}`);
}

/** One measured save: its steps as the session timed them, and from the file's write to the commit line here. */
interface Save {
  /** Committed and kept; otherwise the session's outcome line. */
  readonly outcome: 'committed' | string;
  readonly check: number;
  readonly derive: number;
  readonly build: number;
  readonly gate: number;
  readonly commit: number;
  readonly total: number;
  readonly observed: number;
}

const STEP = /dev save (\d+): committed, version \S+ runs: .*save -> committed (\d+) ms \(check (\d+), derive (\d+), build (\d+), gate (\d+), commit (\d+)\)/;

async function measureSave(dev: ControllerProcess, pid: string): Promise<Save> {
  const from = dev.lines.length;
  const written = performance.now();
  await writeFile(pid, renameEdit(await readFile(pid, 'utf8')));
  const outcome = await dev.next(/^dev save \d+: (committed|not applied|nothing to apply)/, from, TIMEOUT_MS);
  const match = STEP.exec(outcome.line.text);
  if (match === null) return { outcome: outcome.line.text, check: 0, derive: 0, build: 0, gate: 0, commit: 0, total: 0, observed: 0 };
  const committed = await dev.next(/^update \S+: committed version /, from, 0);
  const [check, derive, build, gate, commit, total] = [3, 4, 5, 6, 7, 2].map((i) => Number(match[i]));
  return { outcome: 'committed', check, derive, build, gate, commit, total, observed: committed.line.at - written } as Save;
}

/**
 * `npm run bench -- dev`: live development's save -> committed latency. The
 * controller runs the simulated robot with `--dev` on a copy of the
 * behaviours (gate horizon 2 s); 20 saves of the PID (its integral renamed,
 * then back), each waited for until committed, split into the session's
 * steps (type check, derivation, build, gate, commit), p50 and max, with
 * the gate (the floor any gated patch pays) as the baseline.
 *
 * @example
 * const body = await devSuite.run(console.log);
 */
export const devSuite: BenchSuite = {
  name: 'dev',
  title: 'Live development: save -> committed latency in tickswap dev',
  async run(progress) {
    const loadBefore = loadavg()[0] as number;
    const dir = await mkdtemp(join(tmpdir(), 'tickswap-bench-dev-'));
    const src = join(dir, 'src');
    await cp(BEHAVIOURS, src, { recursive: true });
    const dev = new ControllerProcess(['--dev', src, '--dev-horizon', String(HORIZON_S), '--journal', join(dir, 'updates.log'), '--broker-port', String(await freePort()), '--dashboard-port', '0', '--timing', 'balanced']);
    const all: Save[] = [];
    try {
      await dev.next(/^dev: watching /, 0, TIMEOUT_MS);
      progress('warm-up save (not counted)');
      await measureSave(dev, join(src, 'pid.ts'));
      for (let n = 2; n <= EDITS + 1; n += 1) {
        const save = await measureSave(dev, join(src, 'pid.ts'));
        all.push(save);
        progress(`save ${n - 1}/${EDITS}: ${save.outcome === 'committed' ? `${fmt(save.total, 0)} ms (observed ${fmt(save.observed, 0)} ms)` : save.outcome}`);
        // A save that did not commit leaves the sources one rename ahead of the robot: put them back in step.
        if (save.outcome !== 'committed') await measureSave(dev, join(src, 'pid.ts'));
      }
    } finally {
      await dev.stop();
      await rm(dir, { recursive: true, force: true });
    }
    const loadAfter = loadavg()[0] as number;
    const saves = all.filter((save) => save.outcome === 'committed');
    const failed = all.filter((save) => save.outcome !== 'committed').map((save) => `- not committed: ${save.outcome.replace(/^dev /, '')}`);
    const of = (pick: (s: Save) => number) => saves.map(pick);
    const total = median(of((s) => s.total));
    const gate = median(of((s) => s.gate));
    const row = (name: string, pick: (s: Save) => number) => [name, fmt(median(of(pick)), 0), fmt(Math.max(...of(pick)), 0), `${fmt((100 * median(of(pick))) / total, 0)} %`];
    return [
      `\`tickswap dev\` (the controller with \`--dev\`) on the simulated reference robot at 1 kHz (balanced timing: precise timing's spinning core would leave this 2-core machine's second core to everything else), watching a ` +
        `copy of \`libs/behaviours/src\`; gate horizon ${HORIZON_S} s. ${EDITS} saves of \`pid.ts\`, each renaming the PID's integral ` +
        '(`integral` -> `integralSum`, then back), each waited for until committed and kept; one warm-up save before them is not counted. ' +
        `Load average ${fmt(loadBefore, 2)} when the suite started and ${fmt(loadAfter, 2)} when it ended, on ${cpus().length} cores shared with other work.`,
      '',
      "Steps as the session times them: type check of the sources (incremental), derivation and writing the patch package, build (esbuild) " +
        'and signing, verify + load + the simulator gate (the baseline: what any gated patch pays), the hot swap up to the commit at a tick ' +
        'boundary. "Observed": from writing the file to the commit line of the update log arriving here (adds the file watch, the 100 ms ' +
        'quiet time an editor\'s save gets, and the output pipe). ms; share: of the median save -> committed.',
      '',
      table(
        ['step', 'p50 ms', 'max ms', 'share of p50'],
        [
          row('type check', (s) => s.check),
          row('derivation', (s) => s.derive),
          row('build', (s) => s.build),
          row('gate (baseline)', (s) => s.gate),
          row('commit', (s) => s.commit),
          row('save -> committed', (s) => s.total),
          ['observed (file written -> commit line)', fmt(median(of((s) => s.observed)), 0), fmt(Math.max(...of((s) => s.observed)), 0), `${fmt((100 * median(of((s) => s.observed))) / total, 0)} %`],
        ],
      ),
      '',
      `- Goal save -> committed ≤ ${GOAL_MS} ms p50 with a ${HORIZON_S} s gate: ${total <= GOAL_MS ? 'met' : 'NOT met'} (${fmt(total, 0)} ms; ` +
        `observed ${fmt(median(of((s) => s.observed)), 0)} ms). That is ${fmt(total / gate, 2)}× the gate alone (${fmt(gate, 0)} ms): the type check, derivation, build and commit add the rest.`,
      `- ${saves.length} of ${EDITS} saves committed and kept.`,
      ...failed,
    ].join('\n');
  },
};
