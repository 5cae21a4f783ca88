import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DeriveError } from './errors';

/** One version of a source folder: each TypeScript file's path (relative, `/`-separated) and text. */
export type SourceTree = ReadonlyMap<string, string>;

/** Specs and test helpers are not behaviour sources: a patch never carries them. */
const isSource = (path: string): boolean => path.endsWith('.ts') && !path.endsWith('.d.ts') && !/\.(spec|test)\.ts$/.test(path);

/**
 * The TypeScript sources of a folder, recursively (specs left out).
 *
 * @example
 * const now = readSourceDir('libs/behaviours/src'); // Map { 'pid.ts' => '...', ... }
 */
export function readSourceDir(dir: string): SourceTree {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new DeriveError(`readSourceDir failed: ${dir} is not a folder; give the folder of the behaviour sources`);
  }
  const tree = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isSource(entry.name)) tree.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return tree;
}

const git = (cwd: string, args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * The TypeScript sources of a folder as they were at a git ref (`git ls-tree`
 * and `git show <ref>:<path>`); `dir` is the folder in the working tree.
 *
 * @example
 * const before = readGitSources('HEAD~1', 'libs/behaviours/src'); // the previous commit's behaviours
 */
export function readGitSources(ref: string, dir: string): SourceTree {
  let prefix: string;
  let listing: string;
  try {
    prefix = git(dir, ['rev-parse', '--show-prefix']).trim();
    listing = git(dir, ['ls-tree', '-r', '--name-only', '--full-tree', ref, '--', prefix === '' ? '.' : prefix]);
  } catch (error) {
    throw new DeriveError(`readGitSources failed: cannot list ${dir} at '${ref}' (${(error as Error).message.split('\n')[0]}); give a git ref of this repository and a folder inside it`, { cause: error });
  }
  const tree = new Map<string, string>();
  for (const path of listing.split('\n')) {
    const inside = path.slice(prefix.length);
    if (path === '' || !isSource(inside)) continue;
    tree.set(inside, git(dir, ['show', `${ref}:${path}`]));
  }
  if (tree.size === 0) throw new DeriveError(`readGitSources failed: ${dir} has no TypeScript sources at '${ref}'; check the ref and the folder`);
  return tree;
}

/**
 * Reads `from` (the `--from` of `tickswap patch new`) as a folder when one
 * exists at that path; else as `<ref>:<folder>`, that folder at a git ref;
 * else as a git ref of the folder `dir`.
 *
 * @example
 * readSources('HEAD', 'libs/behaviours/src');  // the committed version
 * readSources('HEAD:libs/behaviours/src', '/tmp/copy'); // the committed version, for a copy outside the repository
 * readSources('/tmp/old-src', 'libs/behaviours/src'); // a folder
 */
export function readSources(from: string, dir: string): SourceTree {
  if (statSync(from, { throwIfNoEntry: false })?.isDirectory() === true) return readSourceDir(from);
  const [, ref, folder] = /^([^:]+):(.+)$/.exec(from) ?? [];
  return ref !== undefined && folder !== undefined ? readGitSources(ref, folder) : readGitSources(from, dir);
}
