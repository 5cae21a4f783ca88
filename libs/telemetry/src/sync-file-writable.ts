import type { IWritable } from '@mcap/core';
import { writeSync } from 'node:fs';

/**
 * An MCAP writable that writes with `writeSync` on the calling thread: the
 * recorder writes in the slack right after a tick, and a chunk (64 KiB)
 * reaches the page cache in tens of µs, whereas an asynchronous write wakes
 * a thread of libuv's pool that competes with the loop's thread for a core.
 *
 * @example
 * const handle = await open('run.mcap', 'w');
 * const writer = new McapWriter({ writable: new SyncFileWritable(handle.fd) });
 */
export class SyncFileWritable implements IWritable {
  private written = 0;

  constructor(private readonly fd: number) {}

  async write(buffer: Uint8Array): Promise<void> {
    for (let offset = 0; offset < buffer.byteLength; ) offset += writeSync(this.fd, buffer, offset, buffer.byteLength - offset);
    this.written += buffer.byteLength;
  }

  position(): bigint {
    return BigInt(this.written);
  }
}
