import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrokerOptions } from '../broker-options';
import { BrokerStartError } from '../errors';
import { FLEET_DIR, fleetConfig } from './fleet-config';
import { freePort } from './free-port';
import { makeTestCertificates } from './test-certificates';

/** What a test fleet broker is made of. */
export interface FleetMosquittoOptions {
  /** Robot users to create; `operator` is always created. */
  readonly robots: readonly string[];
  /** TLS listener with throw-away certificates, a client certificate required (default false). */
  readonly tls?: boolean;
  /** Keep sessions and retained messages across restarts (default false). */
  readonly persistence?: boolean;
}

/**
 * A real Mosquitto running the fleet template (`tools/mosquitto/mosquitto.conf`)
 * and ACL, with a password file made by `tools/mosquitto/add-users.sh`, in a
 * temporary directory, on a free loopback port. For tests; `stop`/`start`
 * restart it on the same port with the same files.
 *
 * @example
 * const fleet = await FleetMosquitto.start({ robots: ['r1'] });
 * const agent = new PatchAgent({ robot: 'r1', broker: fleet.as('r1'), pipeline, figures });
 * await fleet.close();
 */
export class FleetMosquitto {
  private child: ChildProcess | undefined;
  private output = '';
  private readonly killOnExit = (): void => void this.child?.kill('SIGKILL');

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly tls: boolean,
    private readonly passwords: ReadonlyMap<string, string>,
  ) {}

  /** Creates the users and the configuration and starts Mosquitto; rejects with `BrokerStartError`. */
  static async start(options: FleetMosquittoOptions): Promise<FleetMosquitto> {
    const dir = mkdtempSync(join(tmpdir(), 'tickswap-mosquitto-'));
    try {
      const users = ['operator', ...options.robots];
      const { stdout } = await promisify(execFile)('sh', [join(FLEET_DIR, 'add-users.sh'), join(dir, 'passwd'), ...users]);
      const passwords = new Map(stdout.trim().split('\n').map((line) => line.split(' ') as [string, string]));
      const tls = options.tls ?? false;
      if (tls) await makeTestCertificates(dir);
      const port = await freePort();
      const settings = { port, dir, aclFile: join(FLEET_DIR, 'acl'), tls, persistence: options.persistence ?? false };
      writeFileSync(join(dir, 'mosquitto.conf'), fleetConfig(readFileSync(join(FLEET_DIR, 'mosquitto.conf'), 'utf8'), settings));
      const fleet = new FleetMosquitto(port, dir, tls, passwords);
      await fleet.restart();
      return fleet;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** `mqtt://` or `mqtts://` URL of the listener. */
  get url(): string {
    return `${this.tls ? 'mqtts' : 'mqtt'}://127.0.0.1:${this.port}`;
  }

  /** What Mosquitto logged since it was last started. */
  get log(): string {
    return this.output;
  }

  /** The generated password of `user`. */
  password(user: string): string {
    const password = this.passwords.get(user);
    if (password === undefined) throw new Error(`FleetMosquitto#password failed: no user '${user}'; list it in robots`);
    return password;
  }

  /** Broker options to log in as `user` (with the CA and the client certificate under TLS). */
  as(user: string): BrokerOptions {
    const tls = this.tls ? { caFile: join(this.dir, 'ca.crt'), certFile: join(this.dir, 'client.crt'), keyFile: join(this.dir, 'client.key') } : {};
    return { url: this.url, username: user, password: this.password(user), ...tls };
  }

  /** Stops Mosquitto: SIGTERM saves the persistence file, SIGKILL loses what was not saved. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    process.removeListener('exit', this.killOnExit);
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** Starts Mosquitto (again) on the same port; resolves once it listens. */
  async restart(): Promise<void> {
    await this.stop();
    this.output = '';
    const child = spawn('mosquitto', ['-c', join(this.dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    process.once('exit', this.killOnExit);
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(deadline);
        void this.stop('SIGKILL');
        reject(new BrokerStartError(`FleetMosquitto#restart failed: ${why}; log: ${this.output.trim()}`));
      };
      const deadline = setTimeout(() => fail('mosquitto did not report running within 5 s'), 5000);
      const read = (chunk: Buffer): void => {
        this.output += chunk.toString();
        if (!/mosquitto version \S+ running/.test(this.output)) return;
        clearTimeout(deadline);
        resolve();
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('error', (error: NodeJS.ErrnoException) =>
        fail(error.code === 'ENOENT' ? 'mosquitto is not installed (Debian: apt-get install mosquitto mosquitto-clients)' : error.message),
      );
      child.once('exit', (code) => fail(`mosquitto exited (${code}) before running`));
    });
  }

  /** Stops Mosquitto and removes its directory. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
