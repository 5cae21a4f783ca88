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
