import { runVirtual, SwapEvent } from '@tickswap/control-loop';
import { Pid, SquareMission } from '@tickswap/behaviours';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import { demoPatch } from '../test/demo-patch';
import { Controller } from './controller';
import { createSimulatedController } from './simulated-controller';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
/** The PID of version 1, as the specs read it. */
interface PidV1State {
  integralSum: number;
  integralLimit: number;
}

/** The simulated robot on virtual time with `patch` requested at `atMs`; runs `seconds`. */
async function driveWithUpdate(seconds: number, atMs: number) {
  const { patch } = await demoPatch();
  const scheduler = new VirtualTimeScheduler();
  const { controller, bus } = createSimulatedController({ robot, scheduler, sideLength: 0.3 });
  const mission = controller.behaviour as SquareMission;
  const oldHeading = mission.heading;
  const atBoundary: { integral: number; integralSum: number }[] = [];
  controller.loop.ticks$.subscribe((record) => {
    // Right after the commit: the old object as the old version left it, the new one as the new version starts.
    if (record.swap === SwapEvent.Commit) atBoundary.push({ integral: oldHeading.integral, integralSum: (mission.heading as unknown as PidV1State).integralSum });
  });
  await controller.start();
  const outcome = new Promise((resolve) => scheduler.schedule(() => void controller.hotSwap.request(patch, { id: 'pid-integral-limit' }).then(resolve), atMs));
  scheduler.schedule(() => void controller.stop(), seconds * 1000);
  await runVirtual(scheduler, controller.loop);
  return { controller, bus, mission, oldHeading, atBoundary, entry: await outcome };
}

describe('Controller hot swap of the demo patch (virtual time)', () => {
  it('commits between two ticks, carries the PID integral over, and the robot goes on to its corners', async () => {
    const { PidV1 } = await demoPatch();
    const { controller, mission, oldHeading, atBoundary, entry } = await driveWithUpdate(8, 1000.5);
    expect(entry).toMatchObject({ event: 'kept', id: 'pid-integral-limit', version: '1' });
    expect(controller.hotSwap.log.entries[0]).toMatchObject({ event: 'committed', tick: 1002, preparation: { instances: 1 } });
    expect(mission.heading).toBeInstanceOf(PidV1);
    expect(oldHeading).toBeInstanceOf(Pid); // the old object is left as it was at commit
    expect(atBoundary).toHaveLength(1);
    expect(atBoundary[0]?.integralSum).toBe(atBoundary[0]?.integral);
    expect((mission.heading as unknown as PidV1State).integralLimit).toBe(0.5); // the patch's INTEGRAL_LIMIT
    expect(controller.loop.statistics()).toMatchObject({ version: 1, missedPeriods: 0, faultedTicks: 0 });
    expect(mission.cornersReached).toBeGreaterThanOrEqual(2);
  });

  it('comes back on the last committed version when given the chain of committed patches', async () => {
    const { patch, PidV1 } = await demoPatch();
    const scheduler = new VirtualTimeScheduler();
    const bus = createSimulatedController({ robot, scheduler }).bus;
    const controller = new Controller({ bus, behaviour: new SquareMission(robot), scheduler, updates: [patch] });
    expect(controller.loop.version).toBe(1);
    expect(controller.live.namespace.version).toBe('1');
    expect((controller.behaviour as SquareMission).heading).toBeInstanceOf(PidV1);
  });
});
