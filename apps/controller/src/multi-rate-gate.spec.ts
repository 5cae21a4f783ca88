import { runVirtual, SwapEvent, type BoundaryGate } from '@tickswap/control-loop';
import { Behaviour, BEHAVIOUR_CLASSES, MultiRate, Pid } from '@tickswap/behaviours';
import { LiveSystem, Namespace, type PatchStep } from '@tickswap/dsu';
import { createMotorCommands, type MotorCommands, type MotorReadings } from '@tickswap/motor-bus';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { createSimulatedBus } from '@tickswap/virtual-bus';
import { VirtualTimeScheduler } from 'rxjs';
import { demoPatch } from '../test/demo-patch';
import { Controller } from './controller';
import { multiRateGate } from './multi-rate-gate';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);

/** Version `version` of a behaviour whose 50 Hz planner (a PID every 20th tick) sets both wheels' speed. */
function cruiseClass(version: string) {
  return class Cruise extends Behaviour {
    static readonly fields = ['planner', 'commands', 'version'] as const;
    readonly planner = new MultiRate(new Pid({ kp: 1, outputMin: -1, outputMax: 1 }), 20);
    readonly commands = createMotorCommands(2);
    version = version;
    update(readings: MotorReadings, dt: number): MotorCommands {
      this.commands.velocity.fill(this.planner.update(readings.position[0] as number, dt));
      return this.commands;
    }
  };
}

/** Runs 200 ticks with `patch` requested after tick 3; returns the tick whose boundary committed it. */
async function commitTick(patch: PatchStep): Promise<number | undefined> {
  const scheduler = new VirtualTimeScheduler();
  const Cruise = cruiseClass('0');
  const bus = createSimulatedBus({ robot, clock: () => scheduler.now() / 1000 });
  const namespace = Namespace.of('0', { ...BEHAVIOUR_CLASSES, Cruise });
  const controller = new Controller({ bus, behaviour: new Cruise(), scheduler, namespace, hotSwap: { warmUpRounds: 0 } });
  await controller.start();
  const outcome = new Promise((resolve) => scheduler.schedule(() => void controller.hotSwap.request(patch).then(resolve), 3.5));
  scheduler.schedule(() => void controller.stop(), 200);
  await runVirtual(scheduler, controller.loop);
  await outcome;
  return controller.loop.records.window(0, Infinity).find((r) => r.swap === SwapEvent.Commit)?.index;
}

describe('multiRateGate', () => {
  it('holds an update of a class a multi-rate behaviour runs until the boundary that ends its cycle', async () => {
    // The planner runs in ticks 0, 20, 40...: the first idle boundary after the update is ready (tick 4) is tick 19's.
    expect(await commitTick((await demoPatch()).patch)).toBe(19);
  });

  it('lets an update that touches no multi-rate behaviour commit at the first boundary', async () => {
    expect(await commitTick({ from: '0', to: '1', classes: { Cruise: { kind: 'replace', code: cruiseClass('1') } } })).toBe(5);
  });

  it('says what an update waits for', async () => {
    const { patch: pidPatch } = await demoPatch();
    const Cruise = cruiseClass('0');
    const live = new LiveSystem(Namespace.of('0', { ...BEHAVIOUR_CLASSES, Cruise }), { behaviour: new Cruise() });
    const gate: BoundaryGate = multiRateGate(live);
    const condition = gate(live.prepare(pidPatch));
    expect(condition.waitingFor).toBe('a boundary where root.behaviour.planner is idle');
    expect(condition.open()).toBe(true); // a new MultiRate is idle
    (live.root.behaviour as InstanceType<typeof Cruise>).planner.update(0, 0.001);
    expect(condition.open()).toBe(false);
  });
});
