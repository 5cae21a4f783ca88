import { readFileSync } from 'node:fs';
import { BrokerOptionsError } from './errors';

/** Where the broker is and how to log in. Nothing here depends on which broker it is. */
export interface BrokerOptions {
  /** `mqtt://host:port` or `mqtts://host:port` (TLS). */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** PEM file of the CA that signed the broker's certificate (`mqtts://` only). */
  readonly caFile?: string;
  /** PEM client certificate and its key, for brokers that require one (`mqtts://` only). */
  readonly certFile?: string;
  readonly keyFile?: string;
}

/** The broker options of a command line, in `node:util` `parseArgs` form; spread them into a command's options. */
export const BROKER_ARG_OPTIONS = {
  broker: { type: 'string' },
  'broker-ca': { type: 'string' },
  'broker-cert': { type: 'string' },
  'broker-key': { type: 'string' },
  'broker-user': { type: 'string' },
  'broker-password-file': { type: 'string' },
} as const;

/** `--help` lines of {@link BROKER_ARG_OPTIONS}. */
export const BROKER_USAGE = `  --broker <url>                 MQTT broker, mqtt://host:port or mqtts://host:port
  --broker-ca <file>             CA certificate (PEM) the broker's certificate is checked against
  --broker-cert <file>           client certificate (PEM), with --broker-key, for brokers that require one
  --broker-key <file>            client key (PEM)
  --broker-user <name>           user name (a robot logs in with its robot id)
  --broker-password-file <file>  file holding the password (or set TICKSWAP_BROKER_PASSWORD)`;

/** Values of {@link BROKER_ARG_OPTIONS} as `parseArgs` returns them. */
export type BrokerArgValues = { readonly [K in keyof typeof BROKER_ARG_OPTIONS]?: string };

const fail = (detail: string): never => {
  throw new BrokerOptionsError(`brokerOptionsFrom failed: ${detail}`);
};

function readPassword(file: string): string {
  let password = '';
  try {
    password = readFileSync(file, 'utf8').trim();
  } catch (error) {
    fail(`--broker-password-file '${file}' cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return password === '' ? fail(`--broker-password-file '${file}' is empty; write the password on its first line`) : password;
}

/**
 * Broker options from parsed command-line values (see {@link BROKER_ARG_OPTIONS});
 * `undefined` when `--broker` is not given. The password comes from
 * `--broker-password-file` or `TICKSWAP_BROKER_PASSWORD`, never from the
 * command line (other users can read it there). Throws
 * {@link BrokerOptionsError} naming the option for anything unusable.
 *
 * @example
 * const { values } = parseArgs({ args, options: { ...BROKER_ARG_OPTIONS } });
 * const broker = brokerOptionsFrom(values); // { url: 'mqtts://fleet:8883', caFile: 'ca.pem', ... }
 */
export function brokerOptionsFrom(values: BrokerArgValues, env: NodeJS.ProcessEnv = process.env): BrokerOptions | undefined {
  const url = values.broker;
  if (url === undefined) return undefined;
  const scheme = /^([a-z]+):\/\/[^/]+/.exec(url)?.[1];
  if (scheme !== 'mqtt' && scheme !== 'mqtts') fail(`--broker '${url}' must look like mqtt://host:port or mqtts://host:port`);
  const tls = { caFile: values['broker-ca'], certFile: values['broker-cert'], keyFile: values['broker-key'] };
  if (scheme === 'mqtt' && Object.values(tls).some((file) => file !== undefined)) {
    fail(`--broker-ca, --broker-cert and --broker-key need TLS: use mqtts:// instead of '${url}'`);
  }
  if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) fail('--broker-cert and --broker-key go together: give both or neither');
  const passwordFile = values['broker-password-file'];
  const password = passwordFile !== undefined ? readPassword(passwordFile) : env['TICKSWAP_BROKER_PASSWORD'];
  return { url, ...tls, username: values['broker-user'], password: password === '' ? undefined : password };
}
