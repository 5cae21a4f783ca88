import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BROKER_ARG_OPTIONS, brokerOptionsFrom } from './broker-options';
import { BrokerConnectError } from './errors';
import { listRobots } from './list-robots';
import { publishPatch } from './publish-patch';
import { fakeBundle } from './testing/fake-pipeline';
import { FleetMosquitto } from './testing/fleet-mosquitto';
import { startTestAgent } from './testing/start-test-agent';

jest.setTimeout(20_000);

describe('mqtts:// with CA, client certificate and key (the fleet template with its TLS listener)', () => {
  let fleet: FleetMosquitto;

  beforeAll(async () => {
    fleet = await FleetMosquitto.start({ robots: ['r1'], tls: true });
  });
  afterAll(() => fleet.close());

  it('connects a robot and an operator given by command-line options, and carries a patch', async () => {
    const passwordFile = join(fleet.dir, 'operator.password');
    writeFileSync(passwordFile, `${fleet.password('operator')}\n`);
    const file = (name: string): string => join(fleet.dir, name);
    const tls = ['--broker-ca', file('ca.crt'), '--broker-cert', file('client.crt'), '--broker-key', file('client.key')];
    const args = ['--broker', fleet.url, ...tls, '--broker-user', 'operator', '--broker-password-file', passwordFile];
    const operator = brokerOptionsFrom(parseArgs({ args, options: { ...BROKER_ARG_OPTIONS } }).values);
    if (operator === undefined) throw new Error('brokerOptionsFrom gave nothing for --broker');
    expect(operator).toEqual(fleet.as('operator'));
    const robot = await startTestAgent('r1', fleet.as('r1'));
    const outcome = await publishPatch(fakeBundle('p1', '1', '2'), { broker: operator, robot: 'r1', timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ stage: 'committed', version: '2' });
    await robot.agent.stop();
  });

  it('is refused without the client certificate the broker requires, or without the CA that signed the broker\'s certificate', async () => {
    const { url, username, password, caFile } = fleet.as('operator');
    await expect(listRobots({ url, username, password, caFile }, { timeoutMs: 5000 })).rejects.toThrow(BrokerConnectError);
    await expect(listRobots({ url, username, password }, { timeoutMs: 5000 })).rejects.toThrow(/self-signed certificate|unable to verify|unable to get local issuer/);
  });

  it('says which TLS file it cannot read', async () => {
    await expect(listRobots({ ...fleet.as('operator'), caFile: '/nonexistent/ca.crt' })).rejects.toThrow("the CA file '/nonexistent/ca.crt' cannot be read (ENOENT)");
  });
});
