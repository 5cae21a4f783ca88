import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamixelPortError } from '../errors';

/** Two linked pseudo-terminals: bytes written to one are read from the other. */
export interface PtyPair {
  /** Paths to open with `SerialPortTransport.open` (symlinks to /dev/pts/N). */
  readonly paths: readonly [string, string];
  /** Kills socat and removes the links. Never rejects. */
  close(): Promise<void>;
}

/**
 * Starts `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B` and
 * resolves once it has both terminals and is relaying, so the driver can run
 * through the real `serialport` stack against a simulated bus. `close()`
 * kills socat, which both ends see as an unplugged adapter; socat is also
 * killed when this process exits. Rejects with
 * {@link DynamixelPortError} when socat is missing (install the `socat`
 * package) or does not come up within `timeoutMillis`.
 *
 * @example
 * const pty = await openPtyPair();
 * const device = await SerialPortTransport.open({ path: pty.paths[0], baudRate: 1_000_000 });
 * const host = await SerialPortTransport.open({ path: pty.paths[1], baudRate: 1_000_000 });
 * await pty.close();
 */
export function openPtyPair(timeoutMillis = 5000): Promise<PtyPair> {
  const directory = mkdtempSync(join(tmpdir(), 'tickswap-pty-'));
  const paths = [join(directory, 'A'), join(directory, 'B')] as const;
  const socat = spawn('socat', ['-d', '-d', ...paths.map((path) => `pty,raw,echo=0,link=${path}`)], { stdio: ['ignore', 'ignore', 'pipe'] });
  // A socat that could not be started emits 'error' and may never emit 'exit'.
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()).once('error', () => resolve()));
  const kill = (): void => {
    if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM');
  };
  // A relay must not outlive the process that started it (an error exit, process.exit).
  process.once('exit', kill);
  const close = async (): Promise<void> => {
    kill();
    await exited;
    process.removeListener('exit', kill);
    rmSync(directory, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let log = '';
    const fail = (detail: string): void => {
      clearTimeout(deadline);
      void close().then(() => reject(new DynamixelPortError('openPtyPair', detail)));
    };
    const deadline = setTimeout(() => fail(`socat did not link ${paths.join(' and ')} within ${timeoutMillis} ms: ${log.trim()}`), timeoutMillis);
    socat.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? 'socat is not installed; install the socat package (apt-get install socat)' : error.message),
    );
    socat.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      // With -d -d socat reports this once both terminals exist and it relays.
      if (/starting data transfer loop/.test(log) && paths.every((path) => existsSync(path))) {
        clearTimeout(deadline);
        resolve({ paths, close });
      }
    });
    socat.once('exit', (code) => fail(`socat exited (${code}) before linking: ${log.trim()}`));
  });
}
