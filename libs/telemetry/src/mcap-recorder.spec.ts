import { createMotorCommands, createMotorReadings } from '@tickswap/motor-bus';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaErrors } from './schema-errors';
import { readIndexed, readStream } from './testing/read-mcap';
import { markCommit, runTelemetry, SCRIPT } from '../test/run-telemetry';
import { trivialLoop } from '../test/trivial-loop';
import { McapRecorder } from './mcap-recorder';
import { RECORDING_CHANNELS } from './recording-channels';
import { RecordingError } from './recording-error';
import type { MotorSampleMessage, PoseInFrameMessage } from './recording-messages';
import type { TickStamp } from './sample-ring';
import type { TelemetrySink } from './telemetry-sink';
import { TickTelemetry } from './tick-telemetry';

// A run of 5000 ticks recorded and read back takes about a second; more on a loaded machine.
jest.setTimeout(20_000);

const directory = mkdtempSync(join(tmpdir(), 'telemetry-mcap-'));
/** The slack of a loop that never runs: a recorder's work then happens in flush() and close(). */
const idleSlack = () => {
  const { loop, scheduler } = trivialLoop({ ticks: 1 });
  return new TickTelemetry({ loop, scheduler }).slack;
};

/** A recorder that samples two motors and a pose every tick of the run, as the controller will. */
function sampling(recorder: McapRecorder): TelemetrySink & { onTick: (record: TickStamp) => void } {
  const readings = createMotorReadings(2);
  const commands = createMotorCommands(2);
  const pose = { x: 0, y: 0, theta: 0 };
  return {
    publish: (topic, message) => recorder.publish(topic, message),
    onTick: (record) => {
      readings.position.fill(record.index / 1000);
      commands.velocity.fill(1);
      pose.x = record.index / 1000;
      recorder.motors?.sample(record, readings, commands);
      recorder.poses.sample(record, pose);
    },
  };
}

describe('McapRecorder', () => {
  it('records telemetry, motor samples and poses of a virtual-time run to an MCAP file that reads back by its index', async () => {
    const path = join(directory, 'run.mcap');
    let recorder: McapRecorder | undefined;
    let sink: ReturnType<typeof sampling> | undefined;
    const { telemetry, statistics, updates, windows } = await runTelemetry(
      SCRIPT,
      {},
      (t, record) => {
        markCommit(t, record);
        sink?.onTick(record);
      },
      async (t) => {
        recorder = await McapRecorder.open(path, { slack: t.slack, motorCount: 2 });
        sink = sampling(recorder);
        t.addSink(sink);
      },
    );
    if (recorder === undefined) throw new Error('no recorder');
    await telemetry.drained();
    await recorder.close();

    const { messages, schemas, chunkCount } = await readIndexed(path);
    expect(Object.fromEntries(schemas)).toEqual(
      Object.fromEntries(Object.values(RECORDING_CHANNELS).map(({ topic, schema }) => [topic, { name: schema.title, encoding: 'jsonschema' }])),
    );
    const count = (topic: string) => messages.filter((m) => m.topic === topic).length;
    // 5000 ticks sampled at 100 Hz: ticks at 0, 10, ... 2500 ms, then (one period skipped by the commit) 2510 ... 5000 ms.
    expect({
      statistics: count('/tickswap/ticks/statistics'),
      updates: count('/tickswap/ticks/update'),
      windows: count('/tickswap/ticks/window'),
      motors: count('/tickswap/motors'),
      pose: count('/tickswap/pose'),
    }).toEqual({ statistics: statistics.length, updates: updates.length, windows: windows.length, motors: 501, pose: 501 });
    expect(chunkCount).toBeGreaterThan(1);
    for (const message of messages) {
      const schema = Object.values(RECORDING_CHANNELS).find((c) => c.topic === message.topic)?.schema;
      expect(schemaErrors(schema ?? {}, message.value)).toEqual([]);
    }
    const motors = messages.filter((m) => m.topic === '/tickswap/motors').map((m) => m.value as MotorSampleMessage);
    expect(motors[1]).toEqual({ tick: 10, timeMs: 10, position: [0.01, 0.01], velocity: [0, 0], current: [0, 0], command: [1, 1] });
    const pose = messages.find((m) => m.topic === '/tickswap/pose' && (m.value as PoseInFrameMessage).pose.position.x === 0.01);
    expect(pose?.schemaName).toBe('foxglove.PoseInFrame');
    expect(recorder.dropped).toBe(0);
  });

  it('leaves a file readable up to its last chunk when it is never closed (a crash)', async () => {
    const path = join(directory, 'crash.mcap');
    const recorder = await McapRecorder.open(path, { slack: idleSlack(), motorCount: 1, chunkSize: 2048 });
    const readings = createMotorReadings(1);
    const commands = createMotorCommands(1);
    for (let index = 0; index < 200; index++) recorder.motors?.sample({ index, actualStart: index * 10 }, readings, commands);
    await recorder.flush();

    const survived = await readStream(path);
    expect(survived.length).toBeGreaterThan(0);
    expect(survived.length).toBeLessThan(200);
    expect(survived.map((m) => m.sequence)).toEqual(survived.map((_, k) => k));
    await recorder.close();
    expect((await readIndexed(path)).messages).toHaveLength(200);
  });

  it('fails to open a file it cannot create with a RecordingError saying what to check', async () => {
    const path = join(directory, 'missing', 'run.mcap');
    await expect(McapRecorder.open(path, { slack: idleSlack() })).rejects.toThrow(RecordingError);
    await expect(McapRecorder.open(path, { slack: idleSlack() })).rejects.toThrow(`McapRecorder.open failed: cannot create ${path} (ENOENT); check that its directory exists and is writable`);
  });

  it('drops, counted, what arrives once it is closing, and closes once', async () => {
    const recorder = await McapRecorder.open(join(directory, 'late.mcap'), { slack: idleSlack() });
    const closed = recorder.close();
    await recorder.publish('ticks/update', { type: 'update', kind: 'commit', tick: 1, atMs: 1, from: '1', to: '2', pauseMs: 0.1, nextLatenessUs: 0, missedTicks: 0 });
    await Promise.all([closed, recorder.close()]);
    expect(recorder.dropped).toBe(1);
  });
});
