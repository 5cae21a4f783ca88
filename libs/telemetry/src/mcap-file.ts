import { McapWriter } from '@mcap/core';
import { open, type FileHandle } from 'node:fs/promises';
import { RECORDING_CHANNELS, type RecordedStream } from './recording-channels';
import { RecordingError } from './recording-error';
import { SyncFileWritable } from './sync-file-writable';

/** An MCAP file being written, with the channels of a recording registered. */
export interface McapFile {
  readonly writer: McapWriter;
  /** Channel id of each stream. */
  readonly channels: ReadonlyMap<RecordedStream, number>;
  /** The file handle, to close once the writer has ended. */
  readonly handle: FileHandle;
}

const encoder = new TextEncoder();

/**
 * Creates (or truncates) `path` as an MCAP file: header, then one JSON
 * schema and one JSON channel per {@link RECORDING_CHANNELS} entry. Messages
 * go into chunks of about `chunkSize` bytes: each chunk reaches the file
 * whole, so a crash leaves a file readable up to its last chunk.
 *
 * @example
 * const file = await createMcapFile('run.mcap', 64 * 1024);
 * await file.writer.addMessage({ channelId: file.channels.get('motors')!, sequence: 0, logTime: 0n, publishTime: 0n, data });
 */
export async function createMcapFile(path: string, chunkSize: number): Promise<McapFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'w');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new RecordingError(`McapRecorder.open failed: cannot create ${path} (${why}); check that its directory exists and is writable`);
  }
  const writer = new McapWriter({ writable: new SyncFileWritable(handle.fd), chunkSize });
  const channels = new Map<RecordedStream, number>();
  try {
    await writer.start({ profile: '', library: 'tickswap' });
    for (const [stream, { topic, schema }] of Object.entries(RECORDING_CHANNELS) as [RecordedStream, (typeof RECORDING_CHANNELS)[RecordedStream]][]) {
      const schemaId = await writer.registerSchema({ name: schema.title ?? topic, encoding: 'jsonschema', data: encoder.encode(JSON.stringify(schema)) });
      channels.set(stream, await writer.registerChannel({ schemaId, topic, messageEncoding: 'json', metadata: new Map() }));
    }
  } catch (error) {
    await handle.close();
    throw new RecordingError(`McapRecorder.open failed: cannot write to ${path} (${String(error)}); check the disk`);
  }
  return { writer, channels, handle };
}
