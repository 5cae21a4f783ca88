import type { PlanarPose } from './recording-messages';
import { SampleRing, type SamplerOptions, type TickStamp } from './sample-ring';

/** A pose as sampled: the tick, its time on the loop's clock (ms), the pose. */
export interface PoseSample extends PlanarPose {
  readonly tick: number;
  readonly timeMs: number;
}

/**
 * Decimated planar poses (odometry, or the simulator's ground truth) for a
 * recording: copied into a preallocated ring when a sample is due, drained
 * off the loop.
 *
 * @example
 * const poses = new PoseSampler();
 * loop.ticks$.subscribe((record) => poses.sample(record, odometry.pose));
 */
export class PoseSampler {
  private readonly ring: SampleRing;

  constructor(options: SamplerOptions = {}) {
    this.ring = new SampleRing(3, { rateHz: options.rateHz ?? 100, capacity: options.capacity ?? 1024 });
  }

  /** Samples overwritten before they were drained. */
  get lost(): number {
    return this.ring.lost;
  }

  /** Samples taken and not drained yet. */
  get waiting(): number {
    return this.ring.waiting;
  }

  /** Copies the pose when a sample is due. Runs every tick: must not allocate, must not block. */
  sample(tick: TickStamp, pose: PlanarPose): void {
    const at = this.ring.claim(tick);
    if (at < 0) return;
    this.ring.data[at] = pose.x;
    this.ring.data[at + 1] = pose.y;
    this.ring.data[at + 2] = pose.theta;
  }

  /** Hands over up to `most` of the samples taken since the last drain, oldest first. Off the loop. */
  drain(visit: (sample: PoseSample) => void, most = Number.POSITIVE_INFINITY): void {
    const data = this.ring.data;
    this.ring.drain((tick, timeMs, at) => visit({ tick, timeMs, x: data[at] as number, y: data[at + 1] as number, theta: data[at + 2] as number }), most);
  }
}
