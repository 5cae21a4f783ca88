import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

async function run(command: string, args: readonly string[]): Promise<void> {
  try {
    await execFileAsync(command, args);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(`makeTestCertificates failed: ${missing ? 'openssl is not installed (Debian: apt-get install openssl)' : (error as Error).message}`, { cause: error });
  }
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * Writes a throw-away CA (`ca.crt`), a server certificate for 127.0.0.1 and
 * localhost (`server.crt`, `server.key`) and a client certificate
 * (`client.crt`, `client.key`) into `dir`, with the `openssl` command.
 * Valid for two days.
 *
 * @example
 * await makeTestCertificates(dir);
 * const broker = { url: 'mqtts://127.0.0.1:8883', caFile: join(dir, 'ca.crt') };
 */
export async function makeTestCertificates(dir: string): Promise<void> {
  const file = (name: string): string => join(dir, name);
  await run('openssl', ['req', '-x509', ...EC_KEY, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=tickswap test CA']);
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  for (const [name, subject, extensions] of [
    ['server', '/CN=localhost', ['-extfile', file('server.ext')]],
    ['client', '/CN=tickswap test client', []],
  ] as const) {
    await run('openssl', ['req', ...EC_KEY, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject]);
    await run('openssl', [
      'x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
      '-out', file(`${name}.crt`), '-days', '2', ...extensions,
    ]);
  }
}
