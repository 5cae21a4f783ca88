import { Behaviour } from './behaviour';
import { BEHAVIOUR_CLASSES } from './behaviour-classes';
import { DiffDriveKinematics } from './diff-drive-kinematics';
import { MultiRate } from './multi-rate';
import { Pid } from './pid';
import { SquareMission } from './square-mission';
import { WheelMotors } from './wheel-motors';
import { WheelOdometry } from './wheel-odometry';

const wheel = (side: 'left' | 'right') => ({ side, direction: 1, gearRatio: 1, limits: { maxVelocity: 4.5 } });
const ROBOT = { wheelRadius: 0.033, trackWidth: 0.16, motors: [wheel('left'), wheel('right')] };

/** One instance of every shipped class but the abstract base. */
const INSTANCES: readonly Behaviour<unknown, unknown>[] = [
  new Pid({ kp: 1 }),
  new DiffDriveKinematics({ wheelRadius: 1, trackWidth: 1, maxLeft: 1, maxRight: 1 }),
  new WheelOdometry(1, 1),
  new WheelMotors(ROBOT),
  new SquareMission(ROBOT),
  new MultiRate(new Pid({ kp: 1 }), 20),
];

describe('declared fields of the shipped behaviours', () => {
  it.each(INSTANCES.map((instance) => [instance.constructor.name, instance] as const))(
    '%s lists exactly its own instance fields, in declaration order',
    (_name, instance) => {
      const fields = (instance.constructor as unknown as { fields: readonly string[] }).fields;
      expect(Object.hasOwn(instance.constructor, 'fields')).toBe(true);
      expect(Object.keys(instance)).toEqual([...fields]);
    },
  );

  it('names every shipped class, the base included, by its class name', () => {
    const classes = Object.entries(BEHAVIOUR_CLASSES);
    expect(classes.map(([name, code]) => code.name === name)).not.toContain(false);
    expect(BEHAVIOUR_CLASSES.Behaviour).toBe(Behaviour);
    expect(INSTANCES.map((instance) => instance.constructor).filter((code) => !classes.some(([, c]) => c === code))).toEqual([]);
    expect(Object.hasOwn(Behaviour, 'fields')).toBe(false); // the base declares no state
  });
});
