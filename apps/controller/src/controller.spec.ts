import { runVirtual } from '@tickswap/control-loop';
import { Behaviour } from '@tickswap/behaviours';
import { createMotorCommands, type MotorCommands, type MotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { createSimulatedBus } from '@tickswap/virtual-bus';
import { VirtualTimeScheduler } from 'rxjs';
import { Controller } from './controller';
import { createSimulatedController } from './simulated-controller';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);

/** Runs the simulated robot for `seconds` of virtual time and returns where it ended. */
async function driveFor(seconds: number) {
  const scheduler = new VirtualTimeScheduler();
  const { controller, bus } = createSimulatedController({ robot, scheduler });
  await controller.start();
  scheduler.schedule(() => void controller.stop(), seconds * 1000);
  await runVirtual(scheduler, controller.loop);
  const { x, y, theta } = bus.pose(); // a live view: copy the figures
  return { reason: await controller.stopped, pose: { x, y, theta }, loop: controller.loop, bus };
}

class Throwing extends Behaviour {
  readonly commands = createMotorCommands(2);
  update(): MotorCommands {
    throw new Error('Throwing#update: sensor model missing');
  }
}

class FullSpeed extends Behaviour {
  readonly commands = createMotorCommands(2);
  update(_readings: MotorReadings): MotorCommands {
    this.commands.velocity.fill(4);
    return this.commands;
  }
}

describe('Controller on the simulated robot (virtual time)', () => {
  it('drives the square: every tick on time, and the robot leaves the start along +x', async () => {
    const { reason, pose, loop } = await driveFor(3);
    expect(reason).toBe('requested');
    expect(loop.ticks).toBeGreaterThanOrEqual(3000);
    expect(loop.statistics().missedPeriods).toBe(0);
    expect(pose.x).toBeGreaterThan(0.2);
    expect(Math.abs(pose.y)).toBeLessThan(0.05);
  });

  it('is deterministic: the same ticks and the same pose every run', async () => {
    const first = await driveFor(2);
    const second = await driveFor(2);
    expect(second.loop.ticks).toBe(first.loop.ticks);
    expect(second.pose).toEqual(first.pose);
  });

  it('leaves the motors at zero with torque off after stop', async () => {
    const { bus } = await driveFor(1);
    const { servos } = bus.simulation;
    expect(Array.from(servos.goal)).toEqual([0, 0]);
    expect(Array.from(servos.torqueEnabled)).toEqual([0, 0]);
  });
});

describe('Controller when its behaviour fails', () => {
  it('stops the loop after the fault limit and stops the motors, whatever was commanded before', async () => {
    const scheduler = new VirtualTimeScheduler();
    const bus = createSimulatedBus({ robot, clock: () => scheduler.now() / 1000 });
    const spinning = new Controller({ bus, behaviour: new FullSpeed(), scheduler, maxConsecutiveFaults: 3 });
    await spinning.start();
    scheduler.schedule(() => void spinning.stop(), 100);
    await runVirtual(scheduler, spinning.loop);
    await spinning.stopped;

    const failing = new Controller({ bus, behaviour: new Throwing(), scheduler, maxConsecutiveFaults: 3 });
    await failing.start();
    await runVirtual(scheduler, failing.loop);
    expect(await failing.stopped).toBe('fault-limit');
    expect(failing.loop.faultedTicks).toBe(3);
    expect(Array.from(bus.simulation.servos.goal)).toEqual([0, 0]);
    expect(Array.from(bus.simulation.servos.torqueEnabled)).toEqual([0, 0]);
  });
});
