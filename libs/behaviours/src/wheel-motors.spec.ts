import { createMotorCommands, createMotorReadings } from '@tickswap/motor-bus';
import { BehaviourConfigError } from './behaviour-config-error';
import { WheelMotors, type DiffDriveRobotLike } from './wheel-motors';

const motor = (side: 'left' | 'right', direction: number, gearRatio = 1) => ({
  side,
  direction,
  gearRatio,
  limits: { maxVelocity: 6 },
});
// Right motor first on the bus, mirrored, behind a 2:1 gear.
const ROBOT: DiffDriveRobotLike = { wheelRadius: 0.033, trackWidth: 0.16, motors: [motor('right', -1, 2), motor('left', 1)] };

describe('WheelMotors', () => {
  it('reads wheel angles through each motor index, direction and gear ratio', () => {
    const wheels = new WheelMotors(ROBOT);
    const readings = createMotorReadings(2);
    readings.position.set([-4, 3]);
    expect(wheels.update(readings, 0.001)).toEqual({ left: 3, right: 2 });
  });

  it('writes motor goals for wheel speeds, and knows the wheels top speeds', () => {
    const wheels = new WheelMotors(ROBOT);
    const commands = wheels.command({ left: 1, right: 1.5 }, createMotorCommands(2));
    expect(Array.from(commands.velocity)).toEqual([-3, 1]);
    expect(wheels.maxSpeed).toEqual({ left: 6, right: 3 });
  });

  it('rejects a robot without exactly one left and one right motor, or with a bad motor', () => {
    expect(() => new WheelMotors({ ...ROBOT, motors: [motor('left', 1), motor('left', 1)] })).toThrow(
      new BehaviourConfigError('WheelMotors constructor failed: the robot needs exactly one left and one right motor, got sides [left, left]'),
    );
    expect(() => new WheelMotors({ ...ROBOT, motors: [motor('left', 0), motor('right', 1)] })).toThrow(
      /left motor direction must be 1 or -1, got 0/,
    );
    expect(() => new WheelMotors({ ...ROBOT, motors: [motor('left', 1), motor('right', 1, -2)] })).toThrow(
      /right motor gearRatio must be a positive number, got -2/,
    );
  });
});
