import { createMcapFile, type McapFile } from './mcap-file';
import { messageJson } from './message-json';
import { MotorSampler } from './motor-sampler';
import { PoseSampler } from './pose-sampler';
import type { RecordedStream } from './recording-channels';
import { RecordingError } from './recording-error';
import { poseInFrame } from './recording-messages';
import type { SamplerOptions } from './sample-ring';
import { SerialQueue } from './serial-queue';
import type { SlackRunner } from './slack-runner';
import type { TelemetryMessage, TelemetryTopic } from './telemetry-messages';
import type { TelemetrySink } from './telemetry-sink';

/** What a recording holds and how it is written. */
export interface McapRecorderOptions {
  /** Where its work runs, in the slack after the loop's ticks: the telemetry's (`telemetry.slack`). */
  readonly slack: SlackRunner;
  /** Motors whose readings and commands are recorded (none when absent). */
  readonly motorCount?: number;
  /** Rate and capacity of the motor and pose samples (default 100 Hz, 1024 kept until written). */
  readonly samples?: SamplerOptions;
  /** Frame of the recorded poses (default `'odom'`). */
  readonly poseFrame?: string;
  /** Bytes of messages per chunk (default 64 KiB): a crash loses at most the chunk being filled. */
  readonly chunkSize?: number;
  /** Messages that may wait for the file (default 4096); more are dropped, counted. */
  readonly queueLimit?: number;
  /** How often samples are moved from their rings to the file, ms of the loop's clock (default 500: the tick after a slice runs on cold caches, so few slices, each full). */
  readonly drainIntervalMs?: number;
  /** Wall-clock time (ms since 1970) at time 0 of the loop's clock (default `performance.timeOrigin`, right for a `PreciseScheduler`). */
  readonly epochMs?: number;
}

interface Write {
  readonly stream: RecordedStream;
  readonly logTime: bigint;
  readonly data: Uint8Array;
}

const encoder = new TextEncoder();
/** Motor and pose samples encoded per slack job: ~10 µs each, so a job stays near 150 µs. */
const SAMPLES_PER_JOB = 12;

/**
 * Records a run to an MCAP file that Foxglove opens: telemetry (it is a
 * {@link TelemetrySink}: statistics, updates, per-tick windows), motor
 * readings and commands and poses (sampled on the loop by {@link motors} and
 * {@link poses}, 100 Hz by default). Every message is JSON with a JSON
 * schema. The loop never waits for the file: samples are encoded in the
 * slack after ticks, writes go through a bounded queue, one at a time
 * (McapWriter's calls must not overlap), into chunks; a crash leaves the
 * file readable up to its last chunk. {@link close} finishes it with its
 * index (the controller calls it on Ctrl-C).
 *
 * @example
 * const recorder = await McapRecorder.open('run.mcap', { slack: telemetry.slack, motorCount: 2 });
 * telemetry.addSink(recorder);
 * loop.ticks$.subscribe((record) => recorder.motors?.sample(record, readings, commands));
 * process.once('SIGINT', async () => { await loop.stop(); await recorder.close(); });
 */
export class McapRecorder implements TelemetrySink {
  readonly motors: MotorSampler | undefined;
  readonly poses: PoseSampler;
  private readonly queue: SerialQueue<Write>;
  private readonly sequences = new Map<RecordedStream, number>();
  private readonly stopDraining: () => void;
  private readonly epochWholeMs: number;
  private readonly epochFractionMs: number;
  private closing: Promise<void> | undefined;
  private accepting = true;
  private lateMessages = 0;

  private constructor(
    /** The file written. */
    readonly path: string,
    private readonly file: McapFile,
    private readonly options: McapRecorderOptions,
  ) {
    this.motors = options.motorCount === undefined ? undefined : new MotorSampler(options.motorCount, options.samples);
    this.poses = new PoseSampler(options.samples);
    this.queue = new SerialQueue((write) => this.write(write), options.queueLimit ?? 4096);
    const epochMs = options.epochMs ?? performance.timeOrigin;
    this.epochWholeMs = Math.floor(epochMs);
    this.epochFractionMs = epochMs - this.epochWholeMs;
    this.stopDraining = options.slack.every(options.drainIntervalMs ?? 500, () => this.drainSamples(options.slack));
  }

  /**
   * Creates the file and starts recording. Throws a RecordingError when the
   * file cannot be created.
   */
  static async open(path: string, options: McapRecorderOptions): Promise<McapRecorder> {
    return new McapRecorder(path, await createMcapFile(path, options.chunkSize ?? 64 * 1024), options);
  }

  /** Messages written so far, per stream. */
  get written(): ReadonlyMap<RecordedStream, number> {
    return this.sequences;
  }

  /** Messages dropped because the file fell behind or the recorder was closed, and samples overwritten before they were written. */
  get dropped(): number {
    return this.queue.dropped + this.lateMessages + (this.motors?.lost ?? 0) + this.poses.lost;
  }

  /** Queues a telemetry message for the file; resolves at once (the file is written in the background). */
  publish(topic: TelemetryTopic, message: TelemetryMessage): Promise<void> {
    const timeMs = message.type === 'tick-statistics' ? message.atMs : ((message.type === 'update' ? message.atMs : message.update.atMs) ?? 0);
    this.push(topic, timeMs, messageJson(message));
    return Promise.resolve();
  }

  /** Queues the samples taken so far and waits until everything queued is in the file's current chunk. */
  async flush(): Promise<void> {
    this.drainSamples(undefined);
    await this.queue.drained();
  }

  /**
   * Writes what is queued, then the file's summary and footer, and closes it.
   * Safe to call more than once. Throws a RecordingError if writes failed.
   */
  close(): Promise<void> {
    this.closing ??= this.finish();
    return this.closing;
  }

  private async finish(): Promise<void> {
    this.stopDraining();
    this.drainSamples(undefined);
    this.accepting = false;
    await this.queue.drained();
    await this.file.writer.end();
    await this.file.handle.close();
    if (this.queue.failed > 0) {
      const why = this.queue.error instanceof Error ? this.queue.error.message : String(this.queue.error);
      throw new RecordingError(`McapRecorder#close failed: ${this.queue.failed} writes to ${this.path} failed, the first with: ${why}; the file holds what was written before`);
    }
  }

  /**
   * Encodes the samples taken since the last drain and queues them for the
   * file: as slack jobs of `SAMPLES_PER_JOB` samples each (the next job is
   * queued while some wait), or all at once when `slack` is undefined (flush, close).
   */
  private drainSamples(slack: SlackRunner | undefined): void {
    const most = slack === undefined ? Number.POSITIVE_INFINITY : SAMPLES_PER_JOB;
    this.motors?.drain((sample) => this.push('motors', sample.timeMs, JSON.stringify(sample)), most);
    const frame = this.options.poseFrame ?? 'odom';
    this.poses.drain((sample) => this.push('pose', sample.timeMs, JSON.stringify(poseInFrame(sample, this.epochWholeMs + this.epochFractionMs + sample.timeMs, frame))), most);
    if (slack !== undefined && (this.motors?.waiting ?? 0) + this.poses.waiting > 0) slack.push(() => this.drainSamples(slack));
  }

  private push(stream: RecordedStream, timeMs: number, json: string): void {
    if (!this.accepting) {
      this.lateMessages += 1;
      return;
    }
    const logTime = BigInt(this.epochWholeMs) * 1_000_000n + BigInt(Math.round((this.epochFractionMs + timeMs) * 1e6));
    this.queue.push({ stream, logTime, data: encoder.encode(json) });
  }

  private async write({ stream, logTime, data }: Write): Promise<void> {
    const sequence = this.sequences.get(stream) ?? 0;
    this.sequences.set(stream, sequence + 1);
    await this.file.writer.addMessage({ channelId: this.file.channels.get(stream) as number, sequence, logTime, publishTime: logTime, data });
  }
}
