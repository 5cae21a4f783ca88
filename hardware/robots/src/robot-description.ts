/** Which side of a differential-drive robot a wheel motor drives. */
export type WheelSide = 'left' | 'right';

/** What a motor may be asked to do; the bus clamps commands to these. */
export interface MotorLimits {
  /** Largest goal velocity at the motor's output shaft, rad/s. */
  readonly maxVelocity: number;
  /** Largest current the motor may draw, A (the servo's current limit). */
  readonly maxCurrent: number;
}

/**
 * How the motor and its share of the robot respond, as the simulator models
 * it: a velocity servo of first-order response that pushes a load through
 * friction.
 */
export interface MotorDynamics {
  /** Time constant of the velocity loop's response to a new goal, s. */
  readonly timeConstant: number;
  /** Torque per ampere at the output shaft, N·m/A. */
  readonly torqueConstant: number;
  /** Inertia the output shaft drives (rotor, gears and its share of the robot), kg·m². */
  readonly inertia: number;
  /** Friction torque opposing any motion, N·m. */
  readonly coulombFriction: number;
  /** Friction torque per unit of velocity, N·m·s/rad. */
  readonly viscousFriction: number;
}

/** One motor of the robot. Its index in `motors` is its index on the motor bus. */
export interface MotorDescription {
  /** Bus id (Dynamixel ids are 0..252). */
  readonly id: number;
  readonly name: string;
  /** Servo model, e.g. `XM430-W350`; the serial bus checks it on start. */
  readonly model: string;
  readonly side: WheelSide;
  /** +1 when positive motor velocity drives the wheel forward, -1 when mirrored. */
  readonly direction: 1 | -1;
  /** Motor shaft revolutions per wheel revolution. */
  readonly gearRatio: number;
  readonly limits: MotorLimits;
  readonly dynamics: MotorDynamics;
}

/**
 * How the controller reaches the motors over serial (Dynamixel Protocol 2.0);
 * bus ids and models are the motors' own fields.
 */
export interface SerialSettings {
  /** The bus adapter's device: `/dev/ttyUSB0`, `/dev/serial/by-id/usb-FTDI_...`. */
  readonly device: string;
  /** Bits per second the servos are set to (Baud Rate (8)): 57600, 1000000, ... */
  readonly baudRate: number;
  /** Return Delay Time (9) the servos are set to, µs: even, 0 to 508 (the register counts 2 µs). */
  readonly returnDelayMicros: number;
  /** Bus Watchdog (98) the controller arms, ms: a multiple of 20 from 20 to 2540. A servo hearing nothing that long stops. */
  readonly watchdogMillis: number;
}

/**
 * A validated, deeply frozen robot description (see `parseRobotDescription`).
 * Lengths in metres. The only kind so far is a differential drive with one
 * motor per side.
 */
export interface RobotDescription {
  readonly name: string;
  readonly kind: 'differential-drive';
  /** Wheel radius, m. */
  readonly wheelRadius: number;
  /** Distance between the two wheels' contact points, m. */
  readonly trackWidth: number;
  readonly motors: readonly MotorDescription[];
  /** The serial bus of the real robot; absent for a robot that is only simulated. */
  readonly serial?: SerialSettings;
}
