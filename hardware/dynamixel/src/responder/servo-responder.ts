import type { DynamixelModel } from '../control-table/dynamixel-model';
import { OperatingMode, XSeries } from '../control-table/x-series';
import { decodeInstruction, type DecodedInstruction } from '../instructions/decode-instruction';
import { encodePingReply } from '../instructions/ping';
import { BROADCAST_ID, type Packet } from '../protocol/packet';
import { PacketParser, type ParserStatistics } from '../protocol/packet-parser';
import { encodeStatus } from '../protocol/status-packet';
import { toPacket } from '../protocol/to-packet';
import type { ByteTransport } from '../transport/byte-transport';
import { addressedIds } from './addressed-ids';
import { ECHO_DYNAMICS, type ServoDynamics } from './servo-dynamics';
import { ServoTable } from './servo-table';

/** A servo the responder plays. */
export interface SimulatedServo {
  readonly id: number;
  readonly model: DynamixelModel;
  readonly firmware?: number;
  /** Default velocity mode (1). */
  readonly operatingMode?: number;
  /** Return Delay Time (9) register value; default 0. */
  readonly returnDelayTime?: number;
}

/** Rewrites (or, returning null, swallows) a reply before it is sent: fault injection. */
export type ReplyTamper = (reply: Buffer, servoId: number) => Uint8Array | null;

/** How a {@link ServoResponder} behaves beyond its control tables. */
export interface ServoResponderOptions {
  /** Every reply passes through it before it is sent (fault injection). */
  readonly tamper?: ReplyTamper;
  /** What moves the servos; default {@link ECHO_DYNAMICS} (present velocity follows the goal). */
  readonly dynamics?: ServoDynamics;
  /**
   * Seconds of silence after which a frame still incomplete is dropped, as a
   * servo's receiver gives up a packet whose bytes stopped coming (a damaged
   * length field then costs one packet, not every packet until the bogus
   * length is filled). Default: never.
   */
  readonly frameTimeout?: number;
  /** Clock of `frameTimeout`, in seconds; default `performance.now()`. */
  readonly clock?: () => number;
}

/**
 * The device side of a bus: decodes instructions with this package's codec,
 * keeps an X-series control table per servo and answers with status packets
 * (Ping, Read, Write, Reboot, Sync/Bulk Read and Write). By default it has
 * no dynamics (present velocity follows the goal while torque is on), which
 * is enough for the driver's tests and benchmarks; `sim/virtual-bus` plugs
 * physics in through {@link ServoResponderOptions.dynamics}.
 *
 * @example
 * const [host, device] = createMemoryLink();
 * const servos = new ServoResponder(device, [{ id: 1, model: XM430_W210 }]);
 * servos.table(1).get(XSeries.torqueEnable); // 0
 */
export class ServoResponder {
  /** Instructions decoded so far. */
  instructions = 0;
  private readonly tables = new Map<number, ServoTable>();
  private readonly parser: PacketParser;
  private readonly dynamics: ServoDynamics;
  /** Replies to the instruction being executed: sent in one write, as servos answer back to back. */
  private pending: Uint8Array[] = [];
  private lastChunkAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly transport: ByteTransport,
    servos: readonly SimulatedServo[],
    private readonly options: ServoResponderOptions = {},
  ) {
    this.dynamics = options.dynamics ?? ECHO_DYNAMICS;
    for (const servo of servos) {
      const table = new ServoTable();
      table.set(XSeries.modelNumber, servo.model.modelNumber);
      table.set(XSeries.firmwareVersion, servo.firmware ?? 46);
      table.set(XSeries.id, servo.id);
      table.set(XSeries.operatingMode, servo.operatingMode ?? OperatingMode.velocity);
      table.set(XSeries.returnDelayTime, servo.returnDelayTime ?? 0);
      this.tables.set(servo.id, table);
    }
    this.parser = new PacketParser((view) => this.handle(toPacket(view)));
    transport.listen({ data: (chunk) => this.receive(chunk), closed: () => undefined });
  }

  /** What the servos' receiver delivered and dropped (damaged instructions show here). */
  get received(): ParserStatistics {
    return this.parser.statistics;
  }

  /** The control table of servo `id` (throws if it is not simulated). */
  table(id: number): ServoTable {
    const table = this.tables.get(id);
    if (table === undefined) throw new RangeError(`ServoResponder#table failed: no servo ${id}`);
    return table;
  }

  private receive(chunk: Uint8Array): void {
    const { frameTimeout } = this.options;
    if (frameTimeout !== undefined) {
      const now = this.options.clock?.() ?? performance.now() / 1000;
      if (now - this.lastChunkAt > frameTimeout) this.parser.reset();
      this.lastChunkAt = now;
    }
    this.parser.feed(chunk);
  }

  private handle(packet: Packet): void {
    let instruction: DecodedInstruction;
    try {
      instruction = decodeInstruction(packet);
    } catch {
      // A real servo answers an instruction it cannot process, if addressed to it.
      if (this.tables.has(packet.id)) this.reply(packet.id, encodeStatus(packet.id, 2));
      this.flush();
      return;
    }
    this.instructions++;
    for (const id of addressedIds(instruction, this.tables.keys())) this.dynamics.heard(id, this.table(id));
    this.execute(instruction);
    this.flush();
  }

  private execute(instruction: DecodedInstruction): void {
    switch (instruction.kind) {
      case 'ping':
        return this.each(instruction.id, (id, table) =>
          this.reply(id, encodePingReply(id, table.get(XSeries.modelNumber), table.get(XSeries.firmwareVersion))),
        );
      case 'read':
        return this.answerRead(instruction.id, instruction.address, instruction.length);
      case 'write':
        return this.each(instruction.id, (id) => {
          const error = this.write(id, instruction.address, instruction.data);
          if (instruction.id !== BROADCAST_ID) this.reply(id, encodeStatus(id, error));
        });
      case 'reboot':
        return this.each(instruction.id, (id, table) => {
          if (instruction.id !== BROADCAST_ID) this.reply(id, encodeStatus(id, 0));
          table.reboot();
          this.dynamics.changed(id, table);
        });
      case 'syncRead':
        return instruction.ids.forEach((id) => this.answerRead(id, instruction.address, instruction.length));
      case 'syncWrite':
        return instruction.entries.forEach((entry) => this.write(entry.id, instruction.address, entry.data));
      case 'bulkRead':
        return instruction.entries.forEach((entry) => this.answerRead(entry.id, entry.address, entry.length));
      case 'bulkWrite':
        return instruction.entries.forEach((entry) => this.write(entry.id, entry.address, entry.data));
    }
  }

  /** Writes as servo `id` would (none: nothing happens) and returns its error number. */
  private write(id: number, address: number, data: Uint8Array): number {
    const table = this.tables.get(id);
    if (table === undefined) return 0;
    const error = table.write(address, data);
    if (error === 0) this.dynamics.changed(id, table);
    return error;
  }

  private answerRead(id: number, address: number, length: number): void {
    const data = this.tables.get(id)?.read(address, length);
    if (data === undefined) return;
    this.reply(id, data === null ? encodeStatus(id, 7) : encodeStatus(id, 0, data));
  }

  private each(id: number, action: (id: number, table: ServoTable) => void): void {
    if (id !== BROADCAST_ID) {
      const table = this.tables.get(id);
      if (table !== undefined) action(id, table);
      return;
    }
    for (const [each, table] of [...this.tables].sort(([a], [b]) => a - b)) action(each, table);
  }

  private reply(id: number, frame: Buffer): void {
    const bytes = this.options.tamper ? this.options.tamper(frame, id) : frame;
    if (bytes !== null) this.pending.push(bytes);
  }

  private flush(): void {
    if (this.pending.length > 0 && this.transport.isOpen) this.transport.write(Buffer.concat(this.pending), () => undefined);
    this.pending = [];
  }
}
