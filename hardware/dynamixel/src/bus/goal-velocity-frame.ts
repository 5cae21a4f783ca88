import { XSeries } from '../control-table/x-series';
import { writeUint16 } from '../protocol/params';
import { BROADCAST_ID, encodePacketInto, Instruction, maxPacketLength } from '../protocol/packet';

/**
 * The tick's Sync Write of Goal Velocity, preallocated: ids and address are
 * laid out once, each tick only the values change. Byte stuffing makes the
 * frame length vary, so one view per length is kept and reused.
 *
 * @example
 * const frame = new GoalVelocityFrame([1, 2]);
 * frame.set(0, 131);
 * transport.write(frame.encode(), done);
 */
export class GoalVelocityFrame {
  private readonly params: Uint8Array;
  private readonly frame: Buffer;
  private readonly views: (Buffer | undefined)[] = [];
  /** True from {@link encode} until the transport says the bytes have left. */
  inFlight = false;

  constructor(ids: readonly number[]) {
    const size = XSeries.goalVelocity.size;
    this.params = new Uint8Array(4 + ids.length * (1 + size));
    writeUint16(this.params, 0, XSeries.goalVelocity.address);
    writeUint16(this.params, 2, size);
    ids.forEach((id, index) => {
      this.params[4 + index * (1 + size)] = id;
    });
    this.frame = Buffer.alloc(maxPacketLength(this.params.length));
  }

  /** Sets motor `index`'s goal in velocity units. Runs every tick: must not allocate, must not block. */
  set(index: number, units: number): void {
    const at = 5 + index * 5;
    this.params[at] = units & 0xff;
    this.params[at + 1] = (units >>> 8) & 0xff;
    this.params[at + 2] = (units >>> 16) & 0xff;
    this.params[at + 3] = (units >>> 24) & 0xff;
  }

  /**
   * Encodes the frame and returns it; its bytes stay untouched until
   * {@link inFlight} is cleared. Runs every tick: must not allocate (a view
   * per frame length is made once), must not block.
   */
  encode(): Buffer {
    const length = encodePacketInto(this.frame, 0, BROADCAST_ID, Instruction.syncWrite, this.params);
    this.inFlight = true;
    return (this.views[length] ??= this.frame.subarray(0, length));
  }
}
