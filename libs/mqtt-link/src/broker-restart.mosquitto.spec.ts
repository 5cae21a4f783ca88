import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';
import { BrokerLink } from './broker-link';
import { publishPatch } from './publish-patch';
import { decodeStatusMessage, type StatusMessage } from './status-message';
import { fakeBundle } from './testing/fake-pipeline';
import { FleetMosquitto } from './testing/fleet-mosquitto';
import { ResultWatch } from './testing/result-watch';
import { startTestAgent, type TestAgent } from './testing/start-test-agent';
import { statisticsMessage } from '@tickswap/telemetry/testing';
import type { TicksBody } from './ticks-message';
import { topicsOf } from './topics';

jest.setTimeout(20_000);

const stats: TicksBody = statisticsMessage();
describe('PatchAgent when Mosquitto goes away (persistence on, as in the fleet template)', () => {
  let fleet: FleetMosquitto;
  const operator = () => fleet.as('operator');
  // Every agent is stopped, even after a failed test: two agents of one robot would take the session from each other.
  const agents: TestAgent[] = [];
  const robotAgent = async (): Promise<TestAgent> => {
    const robot = await startTestAgent('r1', fleet.as('r1'));
    agents.push(robot);
    return robot;
  };
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((robot) => robot.agent.stop()));
  });

  beforeAll(async () => {
    fleet = await FleetMosquitto.start({ robots: ['r1'], persistence: true });
  });
  afterAll(() => fleet.close());

  it.each([
    ['killed (SIGKILL: the session is lost, the agent subscribes again)', 'SIGKILL', false],
    ['stopped (SIGTERM: the session is saved and restored)', 'SIGTERM', true],
  ] as const)('reconnects after the broker was %s and processes a patch published after the restart', async (_how, signal, sessionPresent) => {
    const robot = await robotAgent();
    await fleet.stop(signal);
    await robot.reported('disconnected', 1);
    expect(robot.agent.publishTicks(stats)).toBe(false);
    await fleet.restart();
    await robot.reported('connected', 2);
    expect(robot.events.filter((e) => e.kind === 'connected').at(-1)).toMatchObject({ sessionPresent });
    const outcome = await publishPatch(fakeBundle('after-restart', '1', '2'), { broker: operator(), robot: 'r1', timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ stage: 'committed', version: '2' });
    expect(robot.agent.publishTicks(stats)).toBe(true);
  });

  it('delivers a patch published while the robot was offline when it comes back, across a broker restart', async () => {
    const before = await robotAgent();
    await before.agent.stop();
    const watch = await ResultWatch.open(operator(), 'r1');
    await watch.publish(JSON.stringify(fakeBundle('while-away', '1', '2')));
    await watch.close();
    await fleet.stop('SIGTERM');
    await fleet.restart();
    const watchAgain = await ResultWatch.open(operator(), 'r1');
    const after = await robotAgent();
    await watchAgain.until(() => watchAgain.finals === 1);
    expect(watchAgain.results.map((r) => `${r.patchId}:${r.stage}`)).toEqual(['while-away:received', 'while-away:validated', 'while-away:committed']);
    expect(after.fake.applied).toEqual(['while-away']);
    await watchAgain.close();
  });

  it('starts while the broker is down without failing, and connects once it is up', async () => {
    await fleet.stop();
    const starting = robotAgent();
    await fleet.restart();
    const robot = await starting;
    expect(robot.agent.connected).toBe(true);
  });

  it('leaves the retained offline status (its last will) when its connection is cut', async () => {
    // A relay between agent and broker, so the test can cut the agent's connection without a goodbye.
    const sockets = new Set<Socket>();
    const relay = createServer((socket) => {
      const upstream = createConnection(fleet.port, '127.0.0.1');
      for (const end of [socket, upstream]) {
        sockets.add(end);
        end.on('error', () => undefined);
      }
      socket.pipe(upstream).pipe(socket);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const url = `mqtt://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const robot = await startTestAgent('r1', { ...fleet.as('r1'), url });
    agents.push(robot);
    let lost: (status: StatusMessage) => void = () => undefined;
    const connectionLost = new Promise<StatusMessage>((resolve) => (lost = resolve));
    // The retained status seen first may be an older one (online, or stopped by an earlier test).
    const operatorLink = await BrokerLink.connect(operator(), { clientId: 'status-watch', persistent: false, reconnectPeriodMs: 0 }, {
      message: (_topic, payload) => {
        const status = decodeStatusMessage(payload);
        if (status.state === 'offline' && status.cause === 'connection-lost') lost(status);
      },
    });
    await operatorLink.subscribe(topicsOf('r1').status);
    relay.close();
    for (const socket of sockets) socket.destroy();
    await robot.reported('disconnected', 1);
    expect(await connectionLost).toMatchObject({ robot: 'r1', state: 'offline', cause: 'connection-lost' });
    await operatorLink.end();
  });
});
