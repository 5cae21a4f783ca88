import { createMotorReadings } from '@tickswap/motor-bus';
import { Behaviour } from './behaviour';
import { DiffDriveKinematics } from './diff-drive-kinematics';
import { Pid } from './pid';
import { SquareMission } from './square-mission';
import { WheelMotors } from './wheel-motors';
import { WheelOdometry } from './wheel-odometry';

const wheel = (side: 'left' | 'right') => ({ side, direction: 1, gearRatio: 1, limits: { maxVelocity: 4.5 } });
const ROBOT = { wheelRadius: 0.033, trackWidth: 0.16, motors: [wheel('left'), wheel('right')] };

/** Paths of every value reachable from `root` that hot swap could not migrate as plain state. */
function unmigratable(value: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (value === null || ['number', 'boolean', 'string', 'undefined'].includes(typeof value)) return [];
  if (typeof value !== 'object') return [`${path} is a ${typeof value}`];
  if (seen.has(value) || ArrayBuffer.isView(value)) return [];
  seen.add(value);
  const prototype = Object.getPrototypeOf(value);
  const plain = prototype === Object.prototype || prototype === Array.prototype || value instanceof Behaviour;
  if (!plain) return [`${path} is a ${prototype?.constructor?.name ?? 'null-prototype object'}`];
  return Object.entries(value).flatMap(([key, inner]) => unmigratable(inner, `${path}.${key}`, seen));
}

describe('state of the shipped behaviours', () => {
  it('is plain own fields only, after running', () => {
    const mission = new SquareMission(ROBOT);
    const readings = createMotorReadings(2);
    for (let k = 0; k < 100; k++) {
      readings.position[1] = k * 0.001;
      mission.update(readings, 0.001);
    }
    const shipped = [
      mission,
      new Pid({ kp: 1 }),
      new DiffDriveKinematics({ wheelRadius: 1, trackWidth: 1, maxLeft: 1, maxRight: 1 }),
      new WheelOdometry(1, 1),
      new WheelMotors(ROBOT),
    ];
    for (const behaviour of shipped) {
      expect(unmigratable(behaviour, behaviour.constructor.name)).toEqual([]);
      // Everything a patch would copy field by field survives a structured clone.
      expect(structuredClone({ ...behaviour })).toEqual({ ...behaviour });
    }
  });
});
