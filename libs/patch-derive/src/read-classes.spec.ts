import { DeriveError } from './errors';
import { readClasses } from './read-classes';
import { edited, shippedSources, SMALL_SOURCES } from './testing/source-fixtures';

describe('readClasses', () => {
  it('finds the root, classes with static fields and their subclasses, not other classes', () => {
    expect([...readClasses(SMALL_SOURCES).keys()].sort()).toEqual(['Behaviour', 'Pid', 'SlowPid']);
  });

  it('reads fields in static-fields order with their types and initialisers (field or constructor)', () => {
    const pid = readClasses(SMALL_SOURCES).get('Pid');
    expect(pid?.superclass).toBe('Behaviour');
    expect(pid?.fields.map(({ name, type, initialiser }) => [name, type, initialiser])).toEqual([
      ['kp', 'number', 'kp'],
      ['integral', 'number', '0'],
      ['output', 'number', '0'],
    ]);
    expect([...(pid?.fields[1]?.usages ?? [])]).toEqual(['m:update', 's:this.$ += error * dt;', 's:this.output = this.kp * error + this.$;']);
  });

  it('reads every shipped behaviour class', () => {
    const classes = readClasses(shippedSources());
    expect([...classes.keys()].sort()).toEqual(['Behaviour', 'DiffDriveKinematics', 'MultiRate', 'Pid', 'SquareMission', 'WheelMotors', 'WheelOdometry']);
    expect(classes.get('Pid')?.fields.map((field) => field.name)).toContain('integral');
  });

  it('sees a comment or layout change as no change of code', () => {
    const before = readClasses(SMALL_SOURCES).get('Pid');
    const after = readClasses(edited(SMALL_SOURCES, 'pid.ts', (t) => t.replace('this.integral += error * dt;', '// why\n    this.integral  +=  error*dt;'))).get('Pid');
    expect(after?.code).toBe(before?.code);
  });

  it('refuses a file that does not parse, naming the place', () => {
    const broken = edited(SMALL_SOURCES, 'pid.ts', (t) => t.replace('integral = 0;', 'integral = ;'));
    expect(() => readClasses(broken)).toThrow(DeriveError);
    expect(() => readClasses(broken)).toThrow(/^readClasses failed: pid\.ts:6:\d+ does not parse \(Expression expected\.\); fix the syntax and save again$/);
  });

  it('refuses two classes of one name', () => {
    const twice = new Map(SMALL_SOURCES).set('copy.ts', 'export class Pid { static fields = []; }');
    expect(() => readClasses(twice)).toThrow(/^readClasses failed: class Pid is declared in pid\.ts and in copy\.ts; a namespace knows one class by a name: rename one$/);
  });
});
