import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliUsageError } from './commands';
import { patchCommand } from './patch-command';

const BEHAVIOURS = join(__dirname, '..', '..', '..', 'libs', 'behaviours', 'src');
let dir: string;
let printed: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickswap-new-'));
  printed = [];
  jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  await cp(BEHAVIOURS, join(dir, 'src'), { recursive: true });
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Edits the copy's pid.ts. */
async function editPid(edit: (text: string) => string): Promise<void> {
  const file = join(dir, 'src', 'pid.ts');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

const renameIntegral = (text: string): string => text.replace("'integral',", "'integralSum',").replace('integral = 0;', 'integralSum = 0;').replace(/this\.integral\b/g, 'this.integralSum');

describe('tickswap patch new', () => {
  it('writes a package patch build takes unchanged, and prints the changes with the guess and how to override it', async () => {
    await editPid(renameIntegral);
    const out = join(dir, 'patch');
    expect(await patchCommand.run(['new', '--from', BEHAVIOURS, '--to', join(dir, 'src'), '--out', out])).toBe(0);
    expect(printed).toContain('Pid: replace (code changed)');
    expect(printed.join('\n')).toMatch(/ {2}~ integral -> integralSum \(guessed, score [\d.]+; override with --rename Pid\.integral=<field> or --no-rename Pid\.integral\)/);
    expect(await patchCommand.run(['build', out, '--out', join(dir, 'b.json')])).toBe(0);
    const bundle = JSON.parse(await readFile(join(dir, 'b.json'), 'utf8'));
    expect(bundle.changes.classes.Pid).toMatchObject({ kind: 'replace', rename: { integral: 'integralSum' } });
    // A derived patch means the classes of the version it applies to, wherever it is published: the bundle says so.
    expect(bundle.classes).toBe('running');
    printed = [];
    expect(await patchCommand.run(['inspect', join(dir, 'b.json')])).toBe(0);
    expect(printed.join('\n')).toContain('  classes    running (@tickswap/behaviours as the version it applies to runs it, after earlier patches)');
  });

  it('takes --no-rename over the guess: the field is removed and the other added', async () => {
    await editPid(renameIntegral);
    const out = join(dir, 'patch');
    expect(await patchCommand.run(['new', '--from', BEHAVIOURS, '--to', join(dir, 'src'), '--out', out, '--no-rename', 'Pid.integral', '--to-version', '7'])).toBe(0);
    const manifest = await readFile(join(out, 'patch.ts'), 'utf8');
    expect(manifest).toContain("to: '7',");
    expect(manifest).toContain("remove: ['integral'],");
    expect(manifest).toContain('integralSum: { value: 0 },');
  });

  it('lists the stubs to fill in, with their place, for a field whose type changed', async () => {
    await editPid((text) => text.replace('kd: number;', 'kd: number[];').replace("this.kd = gain('kd', options.kd ?? 0);", 'this.kd = [0];').replace('-this.kd *', '-(this.kd[0] ?? 0) *'));
    const out = join(dir, 'patch');
    expect(await patchCommand.run(['new', '--from', BEHAVIOURS, '--to', join(dir, 'src'), '--out', out])).toBe(0);
    expect(printed).toContain('1 stub(s) to fill in before it can be applied (a patch with one is refused):');
    expect(printed.join('\n')).toMatch(/patch\.ts:\d+: TODO\(tickswap\): Pid\.kd changed type from number to number\[\]/);
    await expect(patchCommand.run(['build', out, '--out', join(dir, 'b.json')])).rejects.toThrow(/has 1 stub\(s\) to fill in/);
  });

  it('writes nothing and exits 1 when no behaviour class changed', async () => {
    expect(await patchCommand.run(['new', '--from', BEHAVIOURS, '--to', join(dir, 'src'), '--out', join(dir, 'patch')])).toBe(1);
    expect(printed).toContain('no behaviour class changed');
  });

  it.each([
    [['--rename', 'integral=integralSum'], "--rename 'integral=integralSum' is not Class.old=new"],
    [['--rename', 'Pid.nothing=integralSum'], "Pid has no removed field 'nothing'"],
    [['--no-rename', 'Pid'], "--no-rename 'Pid' is not Class.field"],
  ])('refuses a rename choice it cannot take (%j) as a usage error', async (extra, message) => {
    await editPid(renameIntegral);
    const running = patchCommand.run(['new', '--from', BEHAVIOURS, '--to', join(dir, 'src'), '--out', join(dir, 'patch'), ...extra]);
    await expect(running).rejects.toThrow(CliUsageError);
    await expect(patchCommand.run(['new', '--from', BEHAVIOURS, '--to', join(dir, 'src'), '--out', join(dir, 'patch'), ...extra])).rejects.toThrow(message);
  });
});
