import { PhysicsParameterError } from './physics-parameter-error';

/** Geometry of a differential drive, m. */
export interface DiffDriveGeometry {
  readonly wheelRadius: number;
  readonly trackWidth: number;
}

/**
 * The chassis of a differential-drive robot rolling without slip on a plane:
 * its pose in the world (x, y in m; theta in rad, 0 along +x,
 * counter-clockwise positive, not wrapped: it counts whole turns too, which
 * a ground truth should keep), moved by the wheels' rotations.
 *
 * Each step is integrated exactly as the arc the body follows when both
 * wheels turn at constant speed during the step, so the pose depends only on
 * the wheel rotations, not on how finely they are sampled along a constant
 * arc.
 *
 * @example
 * const body = new DiffDriveBody({ wheelRadius: 0.033, trackWidth: 0.16 });
 * body.advance(1, 1); // both wheels one radian forward
 * body.x;             // 0.033
 */
export class DiffDriveBody {
  readonly wheelRadius: number;
  readonly trackWidth: number;
  private px = 0;
  private py = 0;
  private heading = 0;

  constructor(geometry: DiffDriveGeometry) {
    for (const key of ['wheelRadius', 'trackWidth'] as const) {
      const value = geometry[key];
      if (!(Number.isFinite(value) && value > 0)) {
        throw new PhysicsParameterError(`DiffDriveBody constructor failed: ${key} must be a positive finite number of metres, got ${value}`);
      }
    }
    this.wheelRadius = geometry.wheelRadius;
    this.trackWidth = geometry.trackWidth;
  }

  get x(): number {
    return this.px;
  }

  get y(): number {
    return this.py;
  }

  get theta(): number {
    return this.heading;
  }

  /**
   * Moves the body by the wheels' rotations since the last call (rad, at the
   * wheel, positive = forward).
   * Runs every physics step: must not allocate, must not block.
   */
  advance(leftRotation: number, rightRotation: number): void {
    const distance = (this.wheelRadius * (leftRotation + rightRotation)) / 2;
    const turn = (this.wheelRadius * (rightRotation - leftRotation)) / this.trackWidth;
    const half = turn / 2;
    // The arc's chord: distance·sin(half)/half, written so it stays exact as the turn goes to 0.
    const chord = Math.abs(half) < 1e-4 ? distance * (1 - (half * half) / 6) : (distance * Math.sin(half)) / half;
    const direction = this.heading + half;
    this.px += chord * Math.cos(direction);
    this.py += chord * Math.sin(direction);
    this.heading += turn;
  }
}
