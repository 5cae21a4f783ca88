import { DynamixelCrcError, DynamixelMotorMismatchError, DynamixelPortError, DynamixelTimeoutError } from '../errors';
import { DynamixelStatusError } from '../protocol/dynamixel-status-error';
import { maxPacketLength } from '../protocol/packet';
import type { PacketView } from '../protocol/packet-parser';
import { decodeStatus, type StatusPacket } from '../protocol/status-packet';
import { toPacket } from '../protocol/to-packet';
import type { ExchangeHandler, ExchangeResult, StatusLink } from './status-link';
import { replyTimeoutMicros, type ReplyTiming } from './transfer-timing';

/**
 * One request, one reply, as a promise: for `start()` and other setup steps,
 * where clarity beats allocation. Rejects with a typed error naming `method`
 * and the motor: {@link DynamixelTimeoutError}, {@link DynamixelCrcError},
 * {@link DynamixelStatusError} (error number set), {@link DynamixelPortError}.
 *
 * @example
 * const status = await new Requester(link, timing).request('DynamixelBus#start', 1, encodeRead(1, 9, 3), 3);
 */
export class Requester {
  constructor(
    private readonly link: StatusLink,
    private readonly timing: ReplyTiming,
  ) {}

  /** Sends `request` to motor `id` and resolves with its status packet, which must carry `dataLength` bytes. */
  request(method: string, id: number, request: Uint8Array, dataLength: number): Promise<StatusPacket> {
    const timeout = replyTimeoutMicros(request.length, 1, maxPacketLength(1 + dataLength), this.timing);
    return new Promise((resolve, reject) => {
      let reply: StatusPacket | undefined;
      const handler: ExchangeHandler = {
        reply: (packet: PacketView) => {
          reply = decodeStatus(toPacket(packet));
        },
        finish: (result: ExchangeResult) => {
          if (reply !== undefined && result === 'ok') {
            if (reply.error & 0x7f) return reject(new DynamixelStatusError(method, id, reply.error));
            if (reply.data.length !== dataLength) {
              const detail = `answered ${reply.data.length} bytes where ${dataLength} were asked for; is it an X-series servo?`;
              return reject(new DynamixelMotorMismatchError(method, id, detail));
            }
            return resolve(reply);
          }
          reject(this.failure(method, id, result, timeout));
        },
      };
      if (!this.link.exchange(request, [id], 1, timeout, handler)) {
        reject(new DynamixelPortError(method, this.link.isOpen ? 'the bus is busy with another transfer' : 'the port is closed'));
      }
    });
  }

  private failure(method: string, id: number, result: ExchangeResult, timeout: number): Error {
    switch (result) {
      case 'crc':
        return new DynamixelCrcError(method, id);
      case 'timeout':
        return new DynamixelTimeoutError(method, id, timeout, this.timing.baudRate);
      default:
        return new DynamixelPortError(method, `the port ${result === 'closed' ? 'closed' : 'failed to send'} while waiting for motor ${id}`);
    }
  }
}
