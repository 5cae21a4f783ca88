// Idempotent setup run before `npm start`, `npm test` and `npm run bench`.
// Installs npm dependencies when package-lock.json changed since the last
// install (a no-op taking milliseconds otherwise) and, with `--system`, the
// Debian packages the tests use. Uses only Node built-ins: it runs before
// anything is installed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const stampFile = join(root, 'node_modules', '.tickswap-install-stamp');

/** Debian packages and the command each one provides. */
const SYSTEM_PACKAGES = { socat: 'socat', mosquitto: 'mosquitto', mosquitto_pub: 'mosquitto-clients', chromium: 'chromium', openssl: 'openssl' };

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`setup: '${command} ${args.join(' ')}' failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    console.error(`setup: tickswap needs Node.js 20 or newer; this is ${process.version}.`);
    process.exit(1);
  }
}

function ensureNpmDependencies() {
  const lock = join(root, 'package-lock.json');
  const manifest = readFileSync(join(root, 'package.json'));
  const digest = createHash('sha256')
    .update(manifest)
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) return;
  console.log('setup: installing npm dependencies (once per change of package-lock.json)...');
  run('npm', existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
  writeFileSync(stampFile, digest);
}

const hasCommand = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function ensureSystemPackages() {
  const missing = [...new Set(Object.entries(SYSTEM_PACKAGES).filter(([cmd]) => !hasCommand(cmd)).map(([, pkg]) => pkg))];
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log(`setup: installing ${missing.join(', ')} with apt-get...`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]);
    return;
  }
  console.warn(
    `setup: the tests that need ${missing.join(', ')} will fail: install them first ` +
      `(Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}).`,
  );
}

ensureNode();
ensureNpmDependencies();
if (process.argv.includes('--system')) ensureSystemPackages();
