import { PacketParser } from '@tickswap/dynamixel';
import { median } from '../statistics';

/** Throughput of the packet parser and of a plain copy of the same chunks, in MB/s. */
export interface ThroughputFigures {
  readonly chunkSize: number;
  readonly parserMBps: number;
  readonly copyMBps: number;
  readonly packetsPerSecond: number;
}

const REPEATS = 7;

function timeMBps(bytes: number, run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return bytes / 1e6 / seconds;
}

/**
 * Feeds `stream` to a parser in `chunkSize` pieces, and copies the same pieces
 * with `Buffer.copy` (the least any receiver does with its bytes), each
 * `REPEATS` times; reports the medians. Fails if a packet goes missing.
 *
 * @example
 * parserThroughput(statusStream(16 << 20).bytes, 64).parserMBps;
 */
export function parserThroughput(stream: Buffer, chunkSize: number, expectedPackets: number): ThroughputFigures {
  const chunks: Buffer[] = [];
  for (let at = 0; at < stream.length; at += chunkSize) chunks.push(stream.subarray(at, at + chunkSize));
  let delivered = 0;
  let checksum = 0;
  const parser = new PacketParser((packet) => {
    delivered++;
    checksum += packet.bytes[packet.offset + 1] as number;
  });
  const sink = Buffer.alloc(1 << 16);
  let offset = 0;
  const parse = (): void => {
    for (const chunk of chunks) parser.feed(chunk);
  };
  const copy = (): void => {
    for (const chunk of chunks) {
      if (offset + chunk.length > sink.length) offset = 0;
      offset += chunk.copy(sink, offset);
    }
  };
  parse();
  copy();
  const parserRuns: number[] = [];
  const copyRuns: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    delivered = 0;
    parserRuns.push(timeMBps(stream.length, parse));
    if (delivered !== expectedPackets) {
      throw new Error(`parserThroughput failed: ${delivered} packets delivered of ${expectedPackets} (checksum ${checksum})`);
    }
    copyRuns.push(timeMBps(stream.length, copy));
  }
  const parserMBps = median(parserRuns);
  return { chunkSize, parserMBps, copyMBps: median(copyRuns), packetsPerSecond: (parserMBps * 1e6 * expectedPackets) / stream.length };
}
