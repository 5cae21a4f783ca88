import { XSeries } from '../control-table/x-series';
import { writeUint16 } from '../protocol/params';
import { BROADCAST_ID, encodePacketInto, Instruction, maxPacketLength } from '../protocol/packet';

/** One of the two transmit buffers, and a view of it per frame length (stuffing varies the length). */
interface Slot {
  readonly frame: Buffer;
  readonly views: (Buffer | undefined)[];
  inFlight: boolean;
}

/**
 * The tick's Sync Write of Goal Velocity, preallocated: ids and address are
 * laid out once, each tick only the values change. Two transmit buffers
 * alternate, because the transport may still hold the previous one (its
 * completion callback can come after the replies to the next request).
 *
 * @example
 * const frame = new GoalVelocityFrame([1, 2]);
 * frame.set(0, 131);
 * if (frame.ready) transport.write(frame.encode(), () => frame.release());
 */
export class GoalVelocityFrame {
  private readonly params: Uint8Array;
  private readonly slots: readonly [Slot, Slot];
  private next = 0;

  constructor(ids: readonly number[]) {
    const size = XSeries.goalVelocity.size;
    this.params = new Uint8Array(4 + ids.length * (1 + size));
    writeUint16(this.params, 0, XSeries.goalVelocity.address);
    writeUint16(this.params, 2, size);
    ids.forEach((id, index) => {
      this.params[4 + index * (1 + size)] = id;
    });
    const slot = (): Slot => ({ frame: Buffer.alloc(maxPacketLength(this.params.length)), views: [], inFlight: false });
    this.slots = [slot(), slot()];
  }

  /**
   * The transport is done with the oldest buffer in flight (write callbacks
   * come in write order). Runs every tick: must not allocate, must not block.
   */
  release(): void {
    const oldest = (this.slots[this.next] as Slot).inFlight ? this.slots[this.next] : this.slots[1 - this.next];
    (oldest as Slot).inFlight = false;
  }

  /** Sets motor `index`'s goal in velocity units. Runs every tick: must not allocate, must not block. */
  set(index: number, units: number): void {
    const at = 5 + index * 5;
    this.params[at] = units & 0xff;
    this.params[at + 1] = (units >>> 8) & 0xff;
    this.params[at + 2] = (units >>> 16) & 0xff;
    this.params[at + 3] = (units >>> 24) & 0xff;
  }

  /** Whether a buffer is free; false means both are in flight: the port is not keeping up. */
  get ready(): boolean {
    return !(this.slots[this.next] as Slot).inFlight;
  }

  /**
   * Encodes the frame into the free buffer (check {@link ready} first) and
   * returns it, untouched until {@link release}. Runs every tick: must not
   * allocate (a view per frame length is made once), must not block.
   */
  encode(): Buffer {
    const slot = this.slots[this.next] as Slot;
    const length = encodePacketInto(slot.frame, 0, BROADCAST_ID, Instruction.syncWrite, this.params);
    slot.inFlight = true;
    this.next = 1 - this.next;
    return (slot.views[length] ??= slot.frame.subarray(0, length));
  }
}
