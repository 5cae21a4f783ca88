// The controller process as `npm start` runs it, in real time on the simulated robot.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const MAIN = join(root, 'apps/controller/src/main.ts');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the controller; `interrupt` sends SIGINT once the first status line is out. */
function runController(args: readonly string[], interrupt = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@tickswap/source', '--import', 'tsx', MAIN, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (interrupt && !interrupted && /\| version /.test(stdout)) interrupted = child.kill('SIGINT');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('controller process', () => {
  it('runs the simulated robot in real time, shows its status and stops by itself after --duration', async () => {
    const run = await runController(['--duration', '1.5', '--timing', 'balanced']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tick [\d.]+ Hz \| jitter p99 [\d.]+ µs \| missed \d+ \| faults 0 \| pose x [\d.-]+ y [\d.-]+ θ \d+° \| version 0/);
    expect(run.stdout).toMatch(/stopped \(requested\): motors commanded to zero, torque off/);
  });

  it('stops cleanly on Ctrl-C (SIGINT), motors first', async () => {
    const run = await runController(['--timing', 'balanced'], true);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/stopped \(requested\): motors commanded to zero, torque off/);
  });

  it('refuses a bad option with exit 2 and says which', async () => {
    const run = await runController(['--rate', 'fast']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--rate must be a positive number of ticks per second, got 'fast'/);
  });

  it('refuses a bad robot description with exit 1 and names the file', async () => {
    const run = await runController(['--robot', join(root, 'package.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/loadRobotDescription failed: .*package\.json/);
  });
});
