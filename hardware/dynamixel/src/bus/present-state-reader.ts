import { PRESENT_STATE } from '../control-table/x-series';
import { HARDWARE_ALERT } from '../protocol/dynamixel-status-error';
import type { PacketView } from '../protocol/packet-parser';
import type { ExchangeHandler, ExchangeResult } from './status-link';

/**
 * Receives the Sync Read replies of one tick (present current, velocity,
 * position) into preallocated raw arrays. A reply whose error number is set
 * leaves that motor without fresh data; one of the wrong size is disowned (a
 * late answer to something else). Then hands the outcome to `onFinish`.
 *
 * @example
 * const reader = new PresentStateReader(2, (result) => bus.readFinished(result));
 */
export class PresentStateReader implements ExchangeHandler {
  readonly current: Int16Array;
  readonly velocity: Int32Array;
  readonly position: Int32Array;
  /** 1 where this tick brought valid data. */
  readonly fresh: Uint8Array;
  /** Motors that answered with an error number: the transfer failed for them. */
  rejected = 0;
  /** Replies with the hardware alert bit (valid data; read Hardware Error Status (70)). */
  alerts = 0;

  constructor(
    motorCount: number,
    private readonly onFinish: (result: ExchangeResult) => void,
  ) {
    this.current = new Int16Array(motorCount);
    this.velocity = new Int32Array(motorCount);
    this.position = new Int32Array(motorCount);
    this.fresh = new Uint8Array(motorCount);
  }

  /** Clears the fresh flags before a tick. Runs every tick: must not allocate, must not block. */
  begin(): void {
    this.fresh.fill(0);
    this.rejected = 0;
  }

  /** Runs every tick, once per motor: must not allocate, must not block. */
  reply(packet: PacketView, slot: number): boolean {
    const bytes = packet.bytes;
    const at = packet.offset;
    const error = bytes[at] as number;
    if (error & 0x7f) {
      this.rejected++;
      return true;
    }
    if (packet.length !== 1 + PRESENT_STATE.size) return false;
    if (error & HARDWARE_ALERT) this.alerts++;
    this.current[slot] = (bytes[at + 1] as number) | ((bytes[at + 2] as number) << 8);
    this.velocity[slot] = int32(bytes, at + 3);
    this.position[slot] = int32(bytes, at + 7);
    this.fresh[slot] = 1;
    return true;
  }

  /** Runs every tick: must not allocate, must not block. */
  finish(result: ExchangeResult): void {
    this.onFinish(result);
  }
}

function int32(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)
  );
}
