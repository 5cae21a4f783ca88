// The demo patch package (patches/pid-integral-limit) end to end: built,
// signed, verified and loaded as a robot would, then applied by dsu to a live
// square mission whose heading PID has been integrating.
import { join } from 'node:path';
import { Behaviour, BEHAVIOUR_CLASSES, SquareMission } from '@tickswap/behaviours';
import { LiveSystem, Namespace } from '@tickswap/dsu';
import { createMotorReadings } from '@tickswap/motor-bus';
import { buildBundle, describePatch, importPatchPackage, loadBundle, signBundle, verifyBundle } from '../src';
import { HOST_MODULES, RECEIVER, TRUSTED } from '../src/testing/bundle-fixtures';

const DEMO = join(__dirname, '..', '..', '..', 'patches', 'pid-integral-limit');
const wheel = (side: 'left' | 'right') => ({ side, direction: 1, gearRatio: 1, limits: { maxVelocity: 4.5 } });
const inProcessPatch = importPatchPackage(DEMO);
const ROBOT = { wheelRadius: 0.033, trackWidth: 0.16, motors: [wheel('left'), wheel('right')] };

/** The heading PID's fields as the specs read them, before and after the patch. */
type HeadingFields = Record<string, number>;

function drive(mission: SquareMission, ticks: number, readings = createMotorReadings(2)): number[] {
  const outputs: number[] = [];
  for (let k = 0; k < ticks; k++) {
    // The right wheel creeps ahead: the robot turns off its heading, so the heading PID integrates.
    readings.position[1] = (readings.position[1] ?? 0) + 0.002;
    mission.update(readings, 0.001);
    outputs.push((mission.heading as unknown as HeadingFields)['output'] as number);
  }
  return outputs;
}

describe('the demo patch pid-integral-limit', () => {
  it('builds into a bundle that declares what the in-process patch declares', async () => {
    const bundle = await buildBundle(DEMO);
    expect({ from: bundle.from, to: bundle.to, changes: bundle.changes }).toEqual(describePatch(inProcessPatch));
    expect(bundle.changes.classes['Pid']).toMatchObject({ kind: 'replace', rename: { integral: 'integralSum' }, add: ['integralLimit'] });
    expect(bundle.changes.inverse?.classes['Pid']).toMatchObject({ kind: 'replace', rename: { integralSum: 'integral' }, remove: ['integralLimit'] });
    expect(bundle.code).not.toMatch(/class Behaviour\b/);
  });

  it("is signed, verified and loaded with classes extending the controller's own Behaviour, and applies to a live mission", async () => {
    const signed = signBundle(await buildBundle(DEMO), TRUSTED.privateKey);
    const patch = loadBundle(verifyBundle(JSON.stringify(signed), RECEIVER), { modules: HOST_MODULES });
    const change = patch.classes?.['Pid'];
    const PidV1 = change?.kind === 'replace' ? change.code : undefined;
    expect(Object.getPrototypeOf(PidV1)).toBe(Behaviour);

    const mission = new SquareMission(ROBOT);
    const live = new LiveSystem(Namespace.of('0', BEHAVIOUR_CLASSES), { mission });
    drive(mission, 200);
    const before = { ...(mission.heading as unknown as HeadingFields) };
    expect(before['integral']).not.toBe(0);

    live.update(patch);

    expect(live.namespace.version).toBe('1');
    const heading = mission.heading as unknown as HeadingFields;
    expect(heading).toBeInstanceOf(PidV1 as new () => object);
    expect(heading).toBeInstanceOf(Behaviour);
    expect(heading).not.toHaveProperty('integral');
    expect(heading['integralSum']).toBe(before['integral']);
    expect(heading['integralLimit']).toBe(0.5);
    expect(heading['kp']).toBe(before['kp']);

    const outputs = drive(mission, 2000);
    expect(outputs.every(Number.isFinite)).toBe(true);
    expect(Math.abs(heading['integralSum'] as number)).toBeLessThanOrEqual(0.5);
  });

  it('gives a Pid whose integral sum stops at its limit, below the output limits', () => {
    type PidV1 = { update(m: number, dt: number): number; ki: number; outputMin: number; outputMax: number; integralSum: number };
    const { code: PidV1 } = inProcessPatch.classes?.['Pid'] as unknown as { code: new () => PidV1 };
    const pid = Object.assign(new PidV1(), { ki: 10, outputMin: -2, outputMax: 2 });
    const outputs = Array.from({ length: 100 }, () => pid.update(-1, 0.01));
    expect(pid.integralSum).toBe(0.5);
    expect(outputs.at(-1)).toBe(0.5);
  });
});
