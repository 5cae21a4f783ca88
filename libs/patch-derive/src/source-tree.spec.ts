import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeriveError } from './errors';
import { readGitSources, readSourceDir, readSources } from './source-tree';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tickswap-sources-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const write = async (files: Record<string, string>): Promise<void> => {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
};
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, stdio: 'pipe' });

describe('readSourceDir', () => {
  it('reads the TypeScript sources of a folder and its subfolders, without specs', async () => {
    await write({ 'src/pid.ts': 'a', 'src/deep/x.ts': 'b', 'src/pid.spec.ts': 'c', 'src/notes.md': 'd', 'src/types.d.ts': 'e' });
    expect(readSourceDir(join(root, 'src'))).toEqual(new Map([['deep/x.ts', 'b'], ['pid.ts', 'a']]));
  });

  it('refuses a path that is not a folder', () => {
    expect(() => readSourceDir(join(root, 'nothing'))).toThrow(DeriveError);
    expect(() => readSourceDir(join(root, 'nothing'))).toThrow(/^readSourceDir failed: .*nothing is not a folder; give the folder of the behaviour sources$/);
  });
});

describe('readGitSources', () => {
  it('reads a folder as it was at a ref, and readSources takes a ref that is not a folder', async () => {
    await write({ 'src/pid.ts': 'old', 'src/pid.spec.ts': 'spec', 'other/x.ts': 'x' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    await write({ 'src/pid.ts': 'new', 'src/more.ts': 'more' });
    expect(readGitSources('HEAD', join(root, 'src'))).toEqual(new Map([['pid.ts', 'old']]));
    expect(readSources('HEAD', join(root, 'src'))).toEqual(new Map([['pid.ts', 'old']]));
    expect(readSources(`HEAD:${join(root, 'src')}`, '/elsewhere')).toEqual(new Map([['pid.ts', 'old']]));
    expect(readSources(join(root, 'src'), join(root, 'src')).get('pid.ts')).toBe('new');
  });

  it('refuses a ref the repository does not have', async () => {
    await write({ 'src/pid.ts': 'old' });
    git('init', '-q');
    expect(() => readGitSources('no-such-ref', join(root, 'src'))).toThrow(/^readGitSources failed: cannot list .*src at 'no-such-ref' \(.*\); give a git ref of this repository and a folder inside it$/);
  });
});
