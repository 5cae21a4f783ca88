import { formatBaud, openDynamixelBus, type BusLostError } from '@tickswap/dynamixel';
import type { MotorBus } from '@tickswap/motor-bus';
import type { RobotDescription } from '@tickswap/robots';
import { createSimulatedBus, openVirtualRobotPty, type VirtualRobotPty } from '@tickswap/virtual-bus';
import type { SchedulerLike } from 'rxjs';
import { ControllerUsageError, type ControllerArgs } from './controller-args';
import { serialBusOptions } from './serial-bus-options';
import type { PoseView } from './status-line';

/**
 * Reply margin behind a pseudo-terminal, µs. The simulated servos share this
 * machine and this process: a reply waits for the OS and the event loop, not
 * for a UART. Measured round trip p99: 2 ms on an idle 2-core machine, 5 ms
 * with both cores loaded; a real adapter keeps the bus's default (2 ms).
 */
const PTY_REPLY_MARGIN_MICROS = 5000;

/** What of the command line chooses the motors. */
type BusArgs = Pick<ControllerArgs, 'bus' | 'device' | 'baudRate' | 'replyMarginMicros' | 'rateHz'>;

/** The motors the command line chose, and what goes with them. */
export interface MotorBusChoice {
  readonly bus: MotorBus;
  /** What the controller drives, for the banner. */
  readonly label: string;
  /** Where the simulated robot really is (a live view); `undefined` for a real robot. */
  readonly groundTruth: PoseView | undefined;
  /** The simulated servos behind the pseudo-terminal (`--bus pty`). */
  readonly virtualRobot: VirtualRobotPty | undefined;
  /** Resolves with why, if the serial bus is lost; never for the simulated bus. */
  readonly lost: Promise<BusLostError>;
  /** Closes the port, and for `--bus pty` stops the simulated servos and socat. Never rejects. */
  close(): Promise<void>;
}

/** A serial bus (real or behind a pty) on `path`, reporting its loss through `lost`. */
async function openSerial(robot: RobotDescription, path: string, args: BusArgs, replyMarginMicros = args.replyMarginMicros) {
  let reportLost: (error: BusLostError) => void = () => undefined;
  const lost = new Promise<BusLostError>((resolve) => (reportLost = resolve));
  const options = serialBusOptions(robot, path, args.rateHz, args.baudRate);
  const bus = await openDynamixelBus({ ...options, replyMarginMicros, onLost: (error) => reportLost(error) });
  return { bus, lost, label: `${bus.motorCount} servos on ${path} at ${formatBaud(options.baudRate)}` };
}

/**
 * Builds the motors `--bus` asks for. `sim`: the in-memory simulation on the
 * loop's clock. `pty`: the simulation's servos behind a socat pseudo-terminal
 * in real time, driven through a `DynamixelBus` that opens the other end like
 * a real port. `serial`: the robot's servos on `--device` (else the robot
 * description's device). The bus is not started: `Controller#start` does it
 * (ping, model and mode check, watchdog, torque on). Rejects with
 * `ControllerUsageError` when no device is known, `DynamixelPortError` when it
 * cannot be opened or socat is missing, `DynamixelConfigError` for a motor
 * model the driver does not know.
 *
 * @example
 * const choice = await openMotorBus({ bus: 'pty', device: undefined, baudRate: undefined, replyMarginMicros: undefined, rateHz: 1000 }, robot, scheduler);
 * const controller = new Controller({ bus: choice.bus, behaviour, scheduler });
 * stopOnBusLost(choice, controller, console.log);
 */
export async function openMotorBus(
  args: BusArgs,
  robot: RobotDescription,
  scheduler: SchedulerLike,
): Promise<MotorBusChoice> {
  if (args.bus === 'sim') {
    const bus = createSimulatedBus({ robot, clock: () => scheduler.now() / 1000 });
    const never = new Promise<BusLostError>(() => undefined);
    return { bus, label: 'simulated', groundTruth: bus.pose(), virtualRobot: undefined, lost: never, close: () => Promise.resolve() };
  }
  if (args.bus === 'pty') {
    const virtualRobot = await openVirtualRobotPty({ robot });
    try {
      const serial = await openSerial(robot, virtualRobot.devicePath, args, args.replyMarginMicros ?? PTY_REPLY_MARGIN_MICROS);
      return {
        ...serial,
        label: `simulated behind a pseudo-terminal, ${serial.label}`,
        groundTruth: virtualRobot.servos.simulation.body,
        virtualRobot,
        close: async () => {
          await serial.bus.close();
          await virtualRobot.close();
        },
      };
    } catch (error) {
      await virtualRobot.close();
      throw error;
    }
  }
  const device = args.device ?? robot.serial?.device;
  if (device === undefined) {
    throw new ControllerUsageError(
      `openMotorBus failed: --bus serial needs a device; give --device /dev/ttyUSB0 or add a serial section to the robot description of ${robot.name}`,
    );
  }
  const serial = await openSerial(robot, device, args);
  return { ...serial, label: `serial, ${serial.label}`, groundTruth: undefined, virtualRobot: undefined, close: () => serial.bus.close() };
}

/**
 * Stops the controller once its bus is lost, after `report`ing why: the loop
 * must not go on commanding motors it cannot reach. Stopping sends zero
 * velocity and torque off where the bus still reaches; the servos' bus
 * watchdog stops the rest by itself.
 *
 * @example
 * stopOnBusLost(choice, controller, (message) => console.log(message));
 */
export function stopOnBusLost(choice: Pick<MotorBusChoice, 'lost'>, controller: { stop(): Promise<unknown> }, report: (message: string) => void): void {
  void choice.lost.then((error) => {
    report(`bus lost: ${error.message}`);
    void controller.stop();
  });
}
