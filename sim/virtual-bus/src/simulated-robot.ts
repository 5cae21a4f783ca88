import { DiffDriveBody, ServoBank } from '@tickswap/physics';
import type { RobotDescription } from '@tickswap/robots';
import { servoParametersOf } from './servo-parameters-of';
import type { ServoSimulation } from './servo-simulation';
import { wholeSteps } from './whole-steps';

/** Settings of a {@link SimulatedRobot}. */
export interface SimulatedRobotOptions {
  /** Fixed physics step, s (default 0.5 ms: two steps per 1 kHz tick). */
  readonly step?: number;
}

/**
 * A described robot in simulation: its servos (index-aligned with the
 * description's motors) and its chassis, advanced together in fixed steps.
 * It knows nothing of buses: the in-memory bus reads and writes its servo
 * arrays directly, and `VirtualServos` put Protocol 2.0 on the same servos.
 *
 * Time is simulated time since creation, a whole number of steps, so the
 * state at a given time does not depend on how often it was advanced.
 *
 * @example
 * const sim = new SimulatedRobot(loadRobotDescription(REFERENCE_ROBOT_PATH));
 * sim.servos.torqueEnabled.fill(1);
 * sim.servos.goal.set([2, -2]);   // both wheels forward (the right motor is mirrored)
 * sim.advanceTo(1);
 * sim.body.x;                     // ≈ 0.06 m
 */
export class SimulatedRobot implements ServoSimulation {
  readonly servos: ServoBank;
  readonly body: DiffDriveBody;
  readonly step: number;
  private readonly leftIndex: number;
  private readonly rightIndex: number;
  /** Wheel rad per motor rad, per motor: direction / gearRatio. */
  private readonly wheelPerMotor: Float64Array;
  private stepsDone = 0;

  constructor(description: RobotDescription, options: SimulatedRobotOptions = {}) {
    this.step = options.step ?? 0.0005;
    this.servos = new ServoBank(
      description.motors.map(servoParametersOf),
      this.step,
    );
    this.body = new DiffDriveBody(description);
    this.leftIndex = description.motors.findIndex((m) => m.side === 'left');
    this.rightIndex = description.motors.findIndex((m) => m.side === 'right');
    this.wheelPerMotor = Float64Array.from(description.motors, (m) => m.direction / m.gearRatio);
  }

  /** Simulated time, s. */
  get time(): number {
    return this.stepsDone * this.step;
  }

  /**
   * Advances in whole steps to the last step at or before `time` (s); a time
   * already passed (or NaN) changes nothing. Costs one step per `step`
   * seconds: call it every tick, not after long gaps.
   * Runs every tick: must not allocate, must not block.
   */
  advanceTo(time: number): void {
    const target = wholeSteps(time, this.step);
    const { position } = this.servos;
    const left = this.leftIndex;
    const right = this.rightIndex;
    while (this.stepsDone < target) {
      const leftBefore = position[left] as number;
      const rightBefore = position[right] as number;
      this.servos.advance();
      this.body.advance(
        ((position[left] as number) - leftBefore) * (this.wheelPerMotor[left] as number),
        ((position[right] as number) - rightBefore) * (this.wheelPerMotor[right] as number),
      );
      this.stepsDone += 1;
    }
  }
}
