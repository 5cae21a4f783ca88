// `npm test`: lint, typecheck and test every project, then print the totals of
// all Jest runs as one line (`N passed, N failed[, N skipped]`).
// Exits non-zero when any target failed or when no test ran at all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GROUPS = ['apps', 'libs', 'hardware', 'sim', 'tools'];
const root = new URL('../..', import.meta.url).pathname;

const projectRoots = () =>
  GROUPS.flatMap((group) => {
    const dir = join(root, group);
    return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
  });

for (const project of projectRoots()) {
  rmSync(join(project, 'test-output', 'totals.json'), { force: true });
}

const extra = process.argv.slice(2);
const nx = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--outputStyle=stream', ...extra],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NX_NO_CLOUD: 'true' } },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const project of projectRoots()) {
  const file = join(project, 'test-output', 'totals.json');
  if (!existsSync(file)) continue;
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);

const ranNothing = totals.passed + totals.failed === 0;
if (ranNothing) console.error('npm test: no test ran');
process.exit(nx.status !== 0 || totals.failed > 0 || ranNothing ? 1 : 0);
