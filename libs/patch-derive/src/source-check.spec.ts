import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeriveError } from './errors';
import { SourceCheck } from './source-check';
import { readSourceDir } from './source-tree';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickswap-check-'));
  await cp(join(__dirname, '..', '..', 'behaviours', 'src'), dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('SourceCheck', () => {
  it('finds no error in a copy of the shipped behaviours outside the workspace (package imports resolve from it), then the error an edit makes', async () => {
    const check = new SourceCheck(dir);
    const files = [...readSourceDir(dir).keys()];
    expect(check.errors(files)).toEqual([]);
    const pid = join(dir, 'pid.ts');
    const text = await readFile(pid, 'utf8');
    await writeFile(pid, text.replace('  setpoint = 0;', "  setpoint: number = 'zero';"));
    expect(check.errors(files)).toEqual([expect.stringMatching(/^pid\.ts:\d+:3: Type 'string' is not assignable to type 'number'\.$/)]);
    await writeFile(pid, text);
    expect(check.errors(files)).toEqual([]);
  }, 60_000);

  it('refuses a tsconfig it cannot read', () => {
    expect(() => new SourceCheck(dir, { tsconfig: join(dir, 'missing.json') })).toThrow(DeriveError);
    expect(() => new SourceCheck(dir, { tsconfig: join(dir, 'missing.json') })).toThrow(/^SourceCheck failed: cannot read .*missing\.json/);
  });
});
