import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeResultMessage } from './result-message';
import { FakePipeline } from './testing/fake-pipeline';
import { FleetMosquitto } from './testing/fleet-mosquitto';
import { signedFixture, type SignedFixture } from './testing/patch-format-pipeline';
import { ResultWatch } from './testing/result-watch';
import { startTestAgent, type TestAgent } from './testing/start-test-agent';
import { topicsOf } from './topics';

jest.setTimeout(20_000);

describe('signed bundles from @tickswap/patch-format, through Mosquitto', () => {
  let fleet: FleetMosquitto;
  let fixture: SignedFixture;
  let robot: TestAgent;

  beforeAll(async () => {
    fleet = await FleetMosquitto.start({ robots: ['r1'] });
    fixture = signedFixture();
  });
  afterAll(() => fleet.close());
  beforeEach(async () => {
    robot = await startTestAgent('r1', fleet.as('r1'), { pipeline: { ...new FakePipeline('0'), verify: fixture.verify } });
  });
  afterEach(() => robot.agent.stop());

  it('runs the real verify: a signed bundle passes, altered or foreign ones are refused with their reason', async () => {
    const watch = await ResultWatch.open(fleet.as('operator'), 'r1');
    const { bundle } = fixture;
    const stranger = signedFixture().bundle;
    const payloads = [
      { ...bundle, code: `${bundle.code}\n// altered` },
      { ...bundle, format: 'tickswap.patch/9' },
      { ...bundle, signature: stranger.signature },
      { ...bundle, surprise: true },
      bundle,
    ];
    for (const payload of payloads) await watch.publish(JSON.stringify(payload));
    await watch.until(() => watch.finals === payloads.length);
    const finals = watch.results.filter((r) => r.stage !== 'received' && r.stage !== 'validated');
    expect(finals.map((r) => (r.stage === 'rejected' ? r.reason : r.stage))).toEqual(['bad-digest', 'unsupported-format', 'untrusted-key', 'invalid-bundle', 'committed']);
    expect(finals[0]).toMatchObject({ patchId: bundle.id, message: expect.stringMatching(/^verifyBundle failed: the digest does not match/) });
    await watch.close();
  });

  it('takes a bundle file published with mosquitto_pub, and mosquitto_sub shows its results', async () => {
    const file = join(fleet.dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(fixture.bundle, null, 2));
    const login = ['-h', '127.0.0.1', '-p', String(fleet.port), '-u', 'operator', '-P', fleet.password('operator')];
    const topics = topicsOf('r1');
    const run = promisify(execFile);
    // A persistent session (-c, fixed id) subscribed first (-E: exit once subscribed) keeps every result for the
    // second mosquitto_sub, whenever it connects: no race with the robot, and stdout buffering does not matter.
    const watcher = [...login, '-c', '-i', 'result-watcher', '-q', '1', '-t', topics.result];
    await run('mosquitto_sub', [...watcher, '-E']);
    await run('mosquitto_pub', [...login, '-q', '1', '-t', topics.patch, '-f', file]);
    const { stdout: output } = await run('mosquitto_sub', [...watcher, '-v', '-C', '3', '-W', '15']);
    const lines = output.split('\n').filter((line) => line.startsWith(`${topics.result} `));
    const results = lines.map((line) => decodeResultMessage(line.slice(topics.result.length + 1)));
    expect(results.map((r) => [r.patchId, r.stage])).toEqual([
      [fixture.bundle.id, 'received'],
      [fixture.bundle.id, 'validated'],
      [fixture.bundle.id, 'committed'],
    ]);
  });
});
