import { DynamixelCrcError, DynamixelPortError, DynamixelTimeoutError } from '../errors';
import { DynamixelStatusError } from '../protocol/dynamixel-status-error';
import { maxPacketLength } from '../protocol/packet';
import type { PacketView } from '../protocol/packet-parser';
import { decodeStatus, type StatusPacket } from '../protocol/status-packet';
import { toPacket } from '../protocol/to-packet';
import type { ExchangeHandler, ExchangeResult, StatusLink } from './status-link';
import { replyTimeoutMicros, type ReplyTiming } from './transfer-timing';

/** Tries of a setup request lost to a timeout or corruption before giving up. */
const ATTEMPTS = 3;

/**
 * One request, one reply, as a promise: for `start()` and other setup steps,
 * where clarity beats allocation. A request that times out or comes back
 * corrupt is sent again, up to {@link ATTEMPTS} times: setup requests are
 * idempotent, and one late reply must not abort a start. Rejects with a typed
 * error naming `method` and the motor: {@link DynamixelTimeoutError},
 * {@link DynamixelCrcError}, {@link DynamixelStatusError} (error number set),
 * {@link DynamixelPortError}.
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
  async request(method: string, id: number, request: Uint8Array, dataLength: number): Promise<StatusPacket> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, id, request, dataLength);
      } catch (error) {
        const retry = error instanceof DynamixelTimeoutError || error instanceof DynamixelCrcError;
        if (!retry || attempt === ATTEMPTS) throw error;
      }
    }
  }

  private once(method: string, id: number, request: Uint8Array, dataLength: number): Promise<StatusPacket> {
    const timeout = replyTimeoutMicros(request.length, 1, maxPacketLength(1 + dataLength), this.timing);
    return new Promise((resolve, reject) => {
      let reply: StatusPacket | undefined;
      const handler: ExchangeHandler = {
        reply: (packet: PacketView) => {
          const status = decodeStatus(toPacket(packet));
          if (!(status.error & 0x7f) && status.data.length !== dataLength) return false;
          reply = status;
          return true;
        },
        finish: (result: ExchangeResult) => {
          if (reply !== undefined && result === 'ok') {
            return reply.error & 0x7f ? reject(new DynamixelStatusError(method, id, reply.error)) : resolve(reply);
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
