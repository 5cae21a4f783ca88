import { DynamixelBus, encodeSyncRead, PRESENT_STATE, XM430_W210, type SerialPortTransport } from '@tickswap/dynamixel';
import { timeTicks, withPtyResponder, type LatencyFigures } from './pty-session';

/** One tick of the bus (sync read, then sync write) over a pty pair, in µs. */
export interface RoundTripFigures extends LatencyFigures {
  readonly servos: number;
  /** Faulted transfers (with the margin raised so slowness is measured, not cut off). */
  readonly faults: number;
}

/**
 * `roundTrips` ticks of a `DynamixelBus` against `servos` simulated servos
 * (in a child process, behind a socat pty pair): each tick awaits the Sync
 * Read of every present state, then queues the Sync Write of every goal, as
 * the control loop does; timed from the read call until the write returns.
 *
 * @example
 * const figures = await ptyRoundTrip(4, 2000);
 */
export function ptyRoundTrip(servos: number, roundTrips: number): Promise<RoundTripFigures> {
  return withPtyResponder(['servos', String(servos)], async (transport) => {
    const motors = Array.from({ length: servos }, (_, index) => ({ id: index + 1, model: XM430_W210 }));
    // A wide margin, so a slow reply is timed rather than cut off as a fault.
    const bus = new DynamixelBus({ transport, motors, baudRate: 1_000_000, maxVelocity: 5, replyMarginMicros: 100_000 });
    await bus.start();
    const readings = { position: new Float64Array(servos), velocity: new Float64Array(servos), current: new Float64Array(servos) };
    const commands = { velocity: new Float64Array(servos) };
    let tick = 0;
    const figures = await timeTicks(roundTrips, async () => {
      await bus.read(readings);
      commands.velocity.fill(Math.sin(tick++ / 100));
      bus.write(commands);
    });
    const faults = bus.statistics().faults;
    await bus.stop();
    return { servos, faults, ...figures };
  });
}

/**
 * The floor under {@link ptyRoundTrip} in the same setting: the bytes of a
 * Sync Read request sent through the same stack to a child that sends them
 * straight back, nothing encoded or decoded.
 *
 * @example
 * const floor = await ptyEchoRoundTrip(4, 2000);
 */
export function ptyEchoRoundTrip(servos: number, roundTrips: number): Promise<LatencyFigures> {
  return withPtyResponder(['echo'], (transport: SerialPortTransport) => {
    const request = encodeSyncRead(PRESENT_STATE.address, PRESENT_STATE.size, Array.from({ length: servos }, (_, index) => index + 1));
    let received = 0;
    let arrived: (() => void) | undefined;
    transport.listen({
      data: (chunk) => {
        received += chunk.length;
        if (received >= request.length) arrived?.();
      },
      closed: () => undefined,
    });
    return timeTicks(roundTrips, () => {
      received = 0;
      return new Promise<void>((resolve) => {
        arrived = resolve;
        transport.write(request, () => undefined);
      });
    });
  });
}
