// Public API of @tickswap/dynamixel: every export is named here.
export { crc16 } from './protocol/crc16';
export { countStuffing, stuffedLength, stuffInto, unstuffInPlace } from './protocol/byte-stuffing';
export {
  BROADCAST_ID,
  encodePacket,
  encodePacketInto,
  FRAME_PREFIX_LENGTH,
  Instruction,
  isDeviceOrBroadcastId,
  MAX_DEVICE_ID,
  MAX_LENGTH_FIELD,
  maxPacketLength,
} from './protocol/packet';
export type { Packet } from './protocol/packet';
export { PacketParser } from './protocol/packet-parser';
export type { PacketParserOptions, PacketView, ParserStatistics } from './protocol/packet-parser';
export { toPacket } from './protocol/to-packet';
export { decodePacket } from './protocol/decode-packet';
export { decodeStatus, encodeStatus } from './protocol/status-packet';
export type { StatusPacket } from './protocol/status-packet';
export { DynamixelPacketError } from './protocol/dynamixel-packet-error';
export { describeStatusError, DynamixelStatusError, HARDWARE_ALERT } from './protocol/dynamixel-status-error';
export { decodePing, decodePingReply, encodePing, encodePingReply } from './instructions/ping';
export type { PingReply } from './instructions/ping';
export { decodeRead, encodeRead } from './instructions/read';
export type { ReadInstruction } from './instructions/read';
export { decodeWrite, encodeWrite } from './instructions/write';
export type { WriteInstruction } from './instructions/write';
export { decodeReboot, encodeReboot } from './instructions/reboot';
export { decodeSyncRead, encodeSyncRead } from './instructions/sync-read';
export type { SyncReadInstruction } from './instructions/sync-read';
export { decodeSyncWrite, encodeSyncWrite } from './instructions/sync-write';
export type { SyncWriteEntry, SyncWriteInstruction } from './instructions/sync-write';
export { decodeBulkRead, encodeBulkRead } from './instructions/bulk-read';
export type { BulkReadEntry } from './instructions/bulk-read';
export { decodeBulkWrite, encodeBulkWrite } from './instructions/bulk-write';
export type { BulkWriteEntry } from './instructions/bulk-write';
export { decodeInstruction } from './instructions/decode-instruction';
export type { DecodedInstruction } from './instructions/decode-instruction';
export { XSeries, PRESENT_STATE, OperatingMode, BAUD_RATES, baudRateRegister } from './control-table/x-series';
export type { Register } from './control-table/x-series';
export {
  amperesFromCurrent,
  currentFromAmperes,
  POSITION_COUNTS_PER_REVOLUTION,
  positionFromRadians,
  radiansFromPosition,
  radiansPerSecondFromVelocity,
  VELOCITY_UNIT_RPM,
  velocityFromRadiansPerSecond,
} from './control-table/units';
export { XM430_W210, XM430_W350 } from './control-table/dynamixel-model';
export type { DynamixelModel } from './control-table/dynamixel-model';
export type { ByteTransport, TransportListener, WriteCallback } from './transport/byte-transport';
export { createMemoryLink, MemoryTransport } from './transport/memory-transport';
export type { MemoryLinkOptions } from './transport/memory-transport';
export { SerialPortTransport } from './transport/serial-port-transport';
export type { SerialPortTransportOptions } from './transport/serial-port-transport';
export { listSerialPorts } from './transport/list-serial-ports';
export type { SerialPortInfo } from './transport/list-serial-ports';
export { openPtyPair } from './transport/pty-pair';
export type { PtyPair } from './transport/pty-pair';
export { DynamixelBus } from './bus/dynamixel-bus';
export type { DynamixelBusState } from './bus/dynamixel-bus';
export { openDynamixelBus } from './bus/open-dynamixel-bus';
export type { OpenDynamixelBusOptions } from './bus/open-dynamixel-bus';
export { resolveBusOptions } from './bus/dynamixel-bus-options';
export { DYNAMIXEL_MODELS, dynamixelMotors } from './bus/dynamixel-motors';
export type { NamedMotor } from './bus/dynamixel-motors';
export type { BusFaultKind, DynamixelBusOptions, DynamixelMotor, ResolvedBusOptions } from './bus/dynamixel-bus-options';
export type { DynamixelBusStatistics } from './bus/dynamixel-bus-statistics';
export { NodeDeadlineTimer } from './bus/deadline-timer';
export type { DeadlineTimer } from './bus/deadline-timer';
export { BITS_PER_BYTE, replyTimeoutMicros, wireMicros } from './bus/transfer-timing';
export type { ReplyTiming } from './bus/transfer-timing';
export {
  BusLostError,
  DynamixelConfigError,
  DynamixelCrcError,
  DynamixelMotorMismatchError,
  DynamixelPortError,
  DynamixelTimeoutError,
  formatBaud,
  SerialPortListError,
} from './errors';
export { ServoResponder } from './responder/servo-responder';
export type { ReplyTamper, ServoResponderOptions, SimulatedServo } from './responder/servo-responder';
export { ServoTable } from './responder/servo-table';
export { ECHO_DYNAMICS } from './responder/servo-dynamics';
export type { ServoDynamics } from './responder/servo-dynamics';
