import { createMotorCommands, createMotorReadings } from '@tickswap/motor-bus';
import { DynamixelBus } from '../src/bus/dynamixel-bus';
import type { BusFaultKind, DynamixelBusOptions } from '../src/bus/dynamixel-bus-options';
import { XM430_W210 } from '../src/control-table/dynamixel-model';
import type { BusLostError } from '../src/errors';
import { ServoResponder, type ReplyTamper, type SimulatedServo } from '../src/responder/servo-responder';
import { createMemoryLink, type MemoryLinkOptions } from '../src/transport/memory-transport';
import { ManualDeadlineTimer } from './manual-deadline-timer';

/** Two XM430-W210 (ids 1 and 2) behind an in-memory link, a bus with a manual deadline, and what it reported. */
export function busFixture(
  overrides: Partial<DynamixelBusOptions> = {},
  servos: readonly SimulatedServo[] = [
    { id: 1, model: XM430_W210 },
    { id: 2, model: XM430_W210 },
  ],
  link: MemoryLinkOptions = {},
) {
  const [host, device] = createMemoryLink(link);
  const faults: [BusFaultKind, number][] = [];
  const lost: BusLostError[] = [];
  let tamper: ReplyTamper | undefined;
  const responder = new ServoResponder(device, servos, { tamper: (reply, id) => (tamper ? tamper(reply, id) : reply) });
  const timer = new ManualDeadlineTimer();
  const bus = new DynamixelBus({
    transport: host,
    motors: [
      { id: 1, model: XM430_W210 },
      { id: 2, model: XM430_W210 },
    ],
    baudRate: 1_000_000,
    maxVelocity: 5,
    timer,
    // Time stands still: a slow test machine must not look like a controller gone quiet.
    clock: () => 0,
    maxConsecutiveFaults: 3,
    onFault: (kind, motor) => faults.push([kind, motor]),
    onLost: (error) => lost.push(error),
    ...overrides,
  });
  return {
    host,
    responder,
    timer,
    bus,
    faults,
    lost,
    readings: createMotorReadings(bus.motorCount),
    commands: createMotorCommands(bus.motorCount),
    /** Replace (or with null, swallow) replies from now on. */
    tamper(next: ReplyTamper | undefined) {
      tamper = next;
    },
  };
}
