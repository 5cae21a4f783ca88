import { BrokerStartError } from './errors';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';
import { listRobots } from './list-robots';
import { publishPatch } from './publish-patch';
import { fakeBundle } from './testing/fake-pipeline';
import { ResultWatch } from './testing/result-watch';
import { startTestAgent, type TestAgent } from './testing/start-test-agent';

jest.setTimeout(20_000);

describe('the embedded broker (aedes 1.x, MQTT 3.1.1 only): the same agent and operator code', () => {
  let broker: EmbeddedBroker;
  let robot: TestAgent;

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
  });
  afterAll(() => broker.close());
  beforeEach(async () => {
    robot = await startTestAgent('sim-1', { url: broker.url });
  });
  afterEach(() => robot.agent.stop());

  it('falls back to MQTT 3.1.1, carries a patch through every stage and lists the robot', async () => {
    expect(robot.events[0]).toEqual({ kind: 'connected', protocol: 4, sessionPresent: false });
    const stages: string[] = [];
    const outcome = await publishPatch(fakeBundle('p1', '1', '2'), { broker: { url: broker.url }, robot: 'sim-1', timeoutMs: 10_000, onStage: (r) => stages.push(r.stage) });
    expect(outcome).toMatchObject({ stage: 'committed', patchId: 'p1', version: '2' });
    expect(stages).toEqual(['received', 'validated', 'committed']);
    expect(await listRobots({ url: broker.url })).toEqual([{ robot: 'sim-1', status: expect.objectContaining({ state: 'online', version: '2' }) }]);
  });

  it('applies a duplicate once and refuses malformed JSON, matching results by patch id without MQTT 5', async () => {
    const watch = await ResultWatch.open({ url: broker.url }, 'sim-1');
    const bundle = JSON.stringify(fakeBundle('p1', '1', '2'));
    robot.fake.hold();
    await watch.publish(bundle);
    await watch.publish(bundle);
    await watch.publish('{"id":');
    await watch.until((results) => results.length === 3);
    robot.fake.release();
    await watch.until(() => watch.finals === 3);
    expect(watch.stages().filter((stage) => stage.includes(':rejected:'))).toEqual(['null:rejected:malformed-json', 'p1:rejected:duplicate']);
    expect(robot.fake.applied).toEqual(['p1']);
    await watch.close();
  });

  it('says when its port is taken', async () => {
    await expect(startEmbeddedBroker({ port: broker.port })).rejects.toThrow(BrokerStartError);
    await expect(startEmbeddedBroker({ port: broker.port })).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\); another broker listens there/);
  });
});
