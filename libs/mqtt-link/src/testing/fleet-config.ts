import { join } from 'node:path';

/** Where the fleet template and its ACL live in the repository. */
export const FLEET_DIR = join(__dirname, '..', '..', '..', '..', 'tools', 'mosquitto');

/** What a test broker changes in the fleet template. */
export interface FleetConfigSettings {
  readonly port: number;
  /** Temporary directory holding the password file, the persistence file and the TLS files. */
  readonly dir: string;
  readonly aclFile: string;
  readonly tls: boolean;
  readonly persistence: boolean;
}

const TLS_DIRECTIVES = new Set(['cafile', 'certfile', 'keyfile', 'tls_version', 'require_certificate']);

/**
 * The fleet template rewritten for a test broker: the listener on the
 * loopback interface at `port`, the paths into `dir`, logs on stderr, TLS
 * kept (with test certificates, a client certificate required) or dropped.
 * Every other line, `allow_anonymous false` included, stays as shipped.
 * Throws if a directive it must rewrite is missing (the template changed).
 *
 * @example
 * writeFileSync(conf, fleetConfig(readFileSync(join(FLEET_DIR, 'mosquitto.conf'), 'utf8'), settings));
 */
export function fleetConfig(template: string, settings: FleetConfigSettings): string {
  const { port, dir, aclFile, tls, persistence } = settings;
  const replacements: Record<string, string | undefined> = {
    listener: `listener ${port} 127.0.0.1`,
    password_file: `password_file ${join(dir, 'passwd')}`,
    acl_file: `acl_file ${aclFile}`,
    persistence: `persistence ${persistence}`,
    persistence_location: `persistence_location ${dir}/`,
    // stderr: Mosquitto buffers stdout when it is a pipe, and the test waits for its 'running' line.
    log_dest: 'log_dest stderr',
    cafile: tls ? `cafile ${join(dir, 'ca.crt')}` : undefined,
    certfile: tls ? `certfile ${join(dir, 'server.crt')}` : undefined,
    keyfile: tls ? `keyfile ${join(dir, 'server.key')}` : undefined,
    require_certificate: tls ? 'require_certificate true' : undefined,
  };
  const seen = new Set<string>();
  const lines = template.split('\n').flatMap((line) => {
    const directive = /^\s*([a-z_]+)\s/.exec(line)?.[1];
    if (directive === undefined) return [line];
    seen.add(directive);
    if (directive in replacements) return replacements[directive] === undefined ? [] : [replacements[directive] as string];
    return TLS_DIRECTIVES.has(directive) && !tls ? [] : [line];
  });
  const missing = Object.keys(replacements).filter((directive) => !seen.has(directive));
  if (missing.length > 0) throw new Error(`fleetConfig failed: the template has no ${missing.join(', ')} line; update fleetConfig with the template`);
  // Run as root (CI containers), Mosquitto switches to the `mosquitto` user, which cannot read a private temp dir.
  if (process.getuid?.() === 0) lines.push('user root');
  return lines.join('\n');
}
