import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BROKER_ARG_OPTIONS, brokerOptionsFrom } from './broker-options';
import { BrokerOptionsError } from './errors';

const parse = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  brokerOptionsFrom(parseArgs({ args, options: { ...BROKER_ARG_OPTIONS }, strict: true }).values, env);

describe('brokerOptionsFrom', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tickswap-broker-options-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives nothing without --broker', () => {
    expect(parse([])).toBeUndefined();
  });

  it('reads a plain broker with a user and the password from the environment', () => {
    expect(parse(['--broker', 'mqtt://fleet:1883', '--broker-user', 'wheelie-7'], { TICKSWAP_BROKER_PASSWORD: 's3cret' })).toEqual({
      url: 'mqtt://fleet:1883',
      username: 'wheelie-7',
      password: 's3cret',
    });
  });

  it('reads a TLS broker with CA, client certificate and key, the password from a file', () => {
    const file = join(dir, 'password');
    writeFileSync(file, 's3cret\n');
    const args = ['--broker', 'mqtts://fleet:8883', '--broker-ca', 'ca.pem', '--broker-cert', 'c.pem', '--broker-key', 'k.pem', '--broker-password-file', file];
    expect(parse(args)).toEqual({ url: 'mqtts://fleet:8883', caFile: 'ca.pem', certFile: 'c.pem', keyFile: 'k.pem', password: 's3cret' });
  });

  it.each([
    [['--broker', 'http://fleet'], /must look like mqtt:\/\/host:port or mqtts:\/\/host:port/],
    [['--broker', 'mqtt://fleet:1883', '--broker-ca', 'ca.pem'], /need TLS: use mqtts:\/\//],
    [['--broker', 'mqtts://fleet:8883', '--broker-cert', 'c.pem'], /go together/],
    [['--broker', 'mqtt://fleet:1883', '--broker-password-file', '/nonexistent/pw'], /cannot be read \(ENOENT\)/],
  ])('refuses %j naming the option', (args, why) => {
    expect(() => parse(args)).toThrow(BrokerOptionsError);
    expect(() => parse(args)).toThrow(why);
  });

  it('refuses an empty password file', () => {
    const file = join(dir, 'empty');
    writeFileSync(file, '\n');
    expect(() => parse(['--broker', 'mqtt://fleet:1883', '--broker-password-file', file])).toThrow(/is empty/);
  });
});
