import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import type { MotorSampleMessage } from './recording-messages';
import { SampleRing, type SamplerOptions, type TickStamp } from './sample-ring';

const copy = (data: Float64Array, from: number, count: number): number[] => Array.from(data.subarray(from, from + count));

/**
 * Decimated motor readings and commands for a recording: the loop hands it
 * every tick's buffers, it copies them into a preallocated ring when a
 * sample is due (100 a second by default); the recorder drains it off the loop.
 *
 * @example
 * const motors = new MotorSampler(2);
 * loop.ticks$.subscribe((record) => motors.sample(record, readings, commands));
 */
export class MotorSampler {
  private readonly ring: SampleRing;

  constructor(
    readonly motorCount: number,
    options: SamplerOptions = {},
  ) {
    this.ring = new SampleRing(4 * motorCount, { rateHz: options.rateHz ?? 100, capacity: options.capacity ?? 1024 });
  }

  /** Samples overwritten before they were drained. */
  get lost(): number {
    return this.ring.lost;
  }

  /** Samples taken and not drained yet. */
  get waiting(): number {
    return this.ring.waiting;
  }

  /** Copies the tick's readings and commands when a sample is due. Runs every tick: must not allocate, must not block. */
  sample(tick: TickStamp, readings: MotorReadings, commands: MotorCommands): void {
    const at = this.ring.claim(tick);
    if (at < 0) return;
    const data = this.ring.data;
    const n = this.motorCount;
    for (let motor = 0; motor < n; motor++) {
      data[at + motor] = readings.position[motor] as number;
      data[at + n + motor] = readings.velocity[motor] as number;
      data[at + 2 * n + motor] = readings.current[motor] as number;
      data[at + 3 * n + motor] = commands.velocity[motor] as number;
    }
  }

  /** Hands over up to `most` of the samples taken since the last drain, oldest first. Off the loop (allocates the messages). */
  drain(visit: (message: MotorSampleMessage) => void, most = Number.POSITIVE_INFINITY): void {
    const n = this.motorCount;
    this.ring.drain((tick, timeMs, at) => {
      const data = this.ring.data;
      visit({ tick, timeMs, position: copy(data, at, n), velocity: copy(data, at + n, n), current: copy(data, at + 2 * n, n), command: copy(data, at + 3 * n, n) });
    }, most);
  }
}
