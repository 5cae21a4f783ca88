import { runVirtual, SwapEvent, type WatchFailure } from '@tickswap/control-loop';
import { Behaviour, WheelMotors, type WheelPair } from '@tickswap/behaviours';
import type { PatchStep } from '@tickswap/dsu';
import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { VirtualTimeScheduler } from 'rxjs';
import { createSimulatedController } from './simulated-controller';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
// The shipped code, taken before any commit turns WheelMotors' prototype into forwarding stubs.
const { update: readWheels, command: commandWheels } = WheelMotors.prototype;

/** A version 1 of WheelMotors whose `command` fails one way (same fields, so a plain replace). */
function faultyWheels(fault: Exclude<WatchFailure, 'missed-deadlines'>): PatchStep {
  class FaultyWheelMotors extends Behaviour<MotorReadings, WheelPair> {
    static readonly fields = WheelMotors.fields;
    update(readings: MotorReadings, dt: number): WheelPair {
      return readWheels.call(this as unknown as WheelMotors, readings, dt);
    }
    command(speeds: WheelPair, into: MotorCommands): MotorCommands {
      if (fault === 'throw') throw new Error('FaultyWheelMotors#command: calibration table missing');
      commandWheels.call(this as unknown as WheelMotors, speeds, into);
      into.velocity[0] = fault === 'nan' ? Number.NaN : 9; // 9 rad/s: twice the XM430's limit
      return into;
    }
  }
  return { from: '0', to: '1', classes: { WheelMotors: { kind: 'replace', code: FaultyWheelMotors } } };
}

describe('Controller rollback of a faulty update (virtual time)', () => {
  it.each(['throw', 'nan', 'out-of-limit'] as const)('rolls back a version whose commands fail (%s) at that tick, and no bad command reaches a motor', async (fault) => {
    const scheduler = new VirtualTimeScheduler();
    const { controller, bus } = createSimulatedController({ robot, scheduler });
    const goals: number[][] = [];
    controller.loop.ticks$.subscribe(() => goals.push([...bus.simulation.servos.goal]));
    await controller.start();
    const outcome = new Promise((resolve) => scheduler.schedule(() => void controller.hotSwap.request(faultyWheels(fault)).then(resolve), 500.5));
    scheduler.schedule(() => void controller.stop(), 1000);
    await runVirtual(scheduler, controller.loop);

    expect(await outcome).toMatchObject({ event: 'rolled-back', failure: fault, tick: 503, version: '0' });
    const swaps = controller.loop.records.window(0, Infinity).filter((r) => r.swap !== SwapEvent.None);
    expect(swaps.map((r) => [r.index, r.swap, r.faulted])).toEqual([
      [502, SwapEvent.Commit, false],
      [503, SwapEvent.Rollback, true],
    ]);
    // The faulty tick wrote nothing: the servos held tick 502's goals, then version 0 went on.
    expect(goals[503]).toEqual(goals[502]);
    expect(goals.flat().every((goal) => Number.isFinite(goal) && Math.abs(goal) <= 4.5)).toBe(true);
    expect(controller.loop.statistics()).toMatchObject({ version: 0, faultedTicks: 1 });
    expect(controller.behaviour).toBe(controller.live.root.behaviour);
  });
});
