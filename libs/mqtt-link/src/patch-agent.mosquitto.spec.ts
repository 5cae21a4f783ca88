import fc from 'fast-check';
import { BrokerLink } from './broker-link';
import { PatchPublishError } from './errors';
import { listRobots } from './list-robots';
import { publishPatch } from './publish-patch';
import { fakeBundle } from './testing/fake-pipeline';
import { FleetMosquitto } from './testing/fleet-mosquitto';
import { ResultWatch } from './testing/result-watch';
import { startTestAgent, type TestAgent } from './testing/start-test-agent';
import { topicsOf } from './topics';

jest.setTimeout(20_000);

describe('PatchAgent against Mosquitto with the fleet template (password auth, ACL)', () => {
  let fleet: FleetMosquitto;
  let robot: TestAgent;
  let watch: ResultWatch;

  beforeAll(async () => {
    fleet = await FleetMosquitto.start({ robots: ['r1', 'r2'] });
  });
  afterAll(() => fleet.close());

  beforeEach(async () => {
    robot = await startTestAgent('r1', fleet.as('r1'), { maxQueued: 2, maxBundleBytes: 1024 });
    watch = await ResultWatch.open(fleet.as('operator'), 'r1');
  });
  afterEach(async () => {
    await watch.close();
    await robot.agent.stop();
  });

  it('receives a patch and publishes its stage results in order; publishPatch resolves with the final one', async () => {
    const seen: string[] = [];
    const outcome = await publishPatch(fakeBundle('p1', '1', '2'), {
      broker: fleet.as('operator'),
      robot: 'r1',
      timeoutMs: 10_000,
      onStage: (result) => seen.push(result.stage),
    });
    expect(outcome).toMatchObject({ stage: 'committed', robot: 'r1', patchId: 'p1', version: '2', downtime: { boundaryMs: 0.2 } });
    expect(seen).toEqual(['received', 'validated', 'committed']);
    await watch.until((results) => results.length === 3);
    expect(watch.stages()).toEqual(['p1:received', 'p1:validated', 'p1:committed']);
    expect(robot.agent.connected).toBe(true);
  });

  it('applies a patch delivered twice once: the copy is a duplicate, a later copy a replay', async () => {
    const bundle = JSON.stringify(fakeBundle('p1', '1', '2'));
    robot.fake.hold();
    await watch.publish(bundle);
    await watch.publish(bundle);
    await watch.until((results) => results.length === 2);
    robot.fake.release();
    await watch.until(() => watch.finals === 2);
    await watch.publish(bundle);
    await watch.until(() => watch.finals === 3);
    expect(watch.stages()).toEqual([
      'p1:received',
      'p1:received',
      'p1:validated',
      'p1:committed',
      'p1:rejected:duplicate',
      'p1:received',
      'p1:rejected:replay',
    ]);
    expect(robot.fake.applied).toEqual(['p1']);
  });

  it('queues patches that arrive during an update, runs them in order, refuses beyond the queue', async () => {
    robot.fake.hold();
    for (const [id, from, to] of [['p1', '1', '2'], ['p2', '2', '3'], ['p3', '3', '4'], ['p4', '4', '5']] as const) {
      await watch.publish(JSON.stringify(fakeBundle(id, from, to)));
    }
    await watch.until(() => watch.finals === 1);
    robot.fake.release();
    await watch.until(() => watch.finals === 4);
    expect(watch.stages().filter((stage) => !stage.endsWith(':received'))).toEqual([
      'p4:rejected:queue-full',
      'p1:validated',
      'p1:committed',
      'p2:validated',
      'p2:committed',
      'p3:validated',
      'p3:committed',
    ]);
    expect(robot.fake.applied).toEqual(['p1', 'p2', 'p3']);
  });

  it('rejects oversize, malformed, non-object and badly signed bundles with a reason, and keeps working', async () => {
    const bad = [
      'x'.repeat(2000),
      '{"id": "p1", ',
      '[1, 2, 3]',
      JSON.stringify(fakeBundle('p1', '1', '2', { format: 7 })),
      JSON.stringify(fakeBundle('p1', '1', '2', { signature: 'forged' })),
      JSON.stringify(fakeBundle('p1', '1', '2', { key: 'stranger' })),
      JSON.stringify(fakeBundle('p1', '0', '1')),
    ];
    for (const payload of bad) await watch.publish(payload);
    await watch.publish(JSON.stringify(fakeBundle('p1', '1', '2')));
    await watch.until(() => watch.finals === bad.length + 1);
    expect(watch.stages().filter((stage) => !stage.endsWith(':received'))).toEqual([
      'null:rejected:too-large',
      'null:rejected:malformed-json',
      'null:rejected:invalid-bundle',
      'p1:rejected:unsupported-format',
      'p1:rejected:bad-signature',
      'p1:rejected:untrusted-key',
      'p1:rejected:wrong-version',
      'p1:validated',
      'p1:committed',
    ]);
    expect(watch.results.find((r) => r.stage === 'rejected' && r.reason === 'too-large')).toMatchObject({
      message: expect.stringMatching(/2000 bytes, more than the limit of 1024/),
    });
  });

  it('survives any payload: each one gets received and a final result, and a good patch still commits after', async () => {
    const payloads = fc.sample(fc.oneof(fc.uint8Array({ maxLength: 1500 }), fc.json().map((json) => new TextEncoder().encode(json))), { numRuns: 30, seed: 7 });
    for (const payload of payloads) await watch.publish(Buffer.from(payload));
    await watch.publish(JSON.stringify(fakeBundle('good', '1', '2')));
    await watch.until(() => watch.finals === payloads.length + 1);
    expect(watch.results.filter((r) => r.stage === 'received')).toHaveLength(payloads.length + 1);
    expect(watch.stages().at(-1)).toBe('good:committed');
  });

  it('keeps a retained online status that listRobots reads, with the last update, then offline when stopped', async () => {
    await publishPatch(fakeBundle('p1', '1', '2'), { broker: fleet.as('operator'), robot: 'r1', timeoutMs: 10_000 });
    const listed = await listRobots(fleet.as('operator'), { quietMs: 300 });
    expect(listed).toContainEqual({
      robot: 'r1',
      status: expect.objectContaining({ state: 'online', version: '2', loopHz: 1000, lastUpdate: expect.objectContaining({ patchId: 'p1', outcome: 'committed' }) }),
    });
    await robot.agent.stop();
    const after = await listRobots(fleet.as('operator'));
    expect(after.find((entry) => entry.robot === 'r1')).toEqual({ robot: 'r1', status: expect.objectContaining({ state: 'offline', cause: 'stopped' }) });
  });

  it('lets the ACL refuse a robot publishing to another robot: PUBACK 0x87 under MQTT 5, and the patch never arrives', async () => {
    const publishing = publishPatch(fakeBundle('evil', '1', '2'), { broker: fleet.as('r2'), robot: 'r1', timeoutMs: 10_000 });
    await expect(publishing).rejects.toThrow(PatchPublishError);
    await expect(publishing).rejects.toMatchObject({ reasonCode: 0x87, message: expect.stringMatching(/Not authorized.*may write tickswap\/v1\/r1\/patch/) });
    // Messages from one publisher reach a subscriber in order: had 'evil' got through, its results would come first.
    await publishPatch(fakeBundle('p1', '1', '2'), { broker: fleet.as('operator'), robot: 'r1', timeoutMs: 10_000 });
    expect(watch.stages()[0]).toBe('p1:received');
    expect(robot.fake.applied).toEqual(['p1']);
  });

  it('lets the ACL keep a robot from reading another robot\'s patches or forging its results', async () => {
    const heard: string[] = [];
    let heardOwn: () => void = () => undefined;
    const ownArrived = new Promise<void>((resolve) => (heardOwn = resolve));
    const r2 = await BrokerLink.connect(fleet.as('r2'), { clientId: 'spy', persistent: false, reconnectPeriodMs: 0 }, {
      message: (topic) => {
        heard.push(topic);
        if (topic === topicsOf('r2').patch) heardOwn();
      },
    });
    await r2.subscribe(topicsOf('r1').patch);
    await r2.subscribe(topicsOf('r2').patch);
    await expect(r2.publish(topicsOf('r1').result, Buffer.from('{}'), { qos: 1 })).rejects.toMatchObject({ code: 0x87 });
    const operator = await BrokerLink.connect(fleet.as('operator'), { clientId: 'op', persistent: false, reconnectPeriodMs: 0 }, {});
    // In order from one publisher: r1's message would reach r2 before r2's own.
    await operator.publish(topicsOf('r1').patch, Buffer.from('{}'), { qos: 1 });
    await operator.publish(topicsOf('r2').patch, Buffer.from('{}'), { qos: 1 });
    await ownArrived;
    expect(heard).toEqual([topicsOf('r2').patch]);
    await Promise.all([r2.end(), operator.end()]);
  });
});

