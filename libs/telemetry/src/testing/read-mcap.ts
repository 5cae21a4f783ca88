import { McapIndexedReader, McapStreamReader } from '@mcap/core';
import { FileHandleReadable } from '@mcap/nodejs';
import { open, readFile } from 'node:fs/promises';

/** A message read back, decoded. */
export interface ReadMessage {
  readonly topic: string;
  readonly schemaName: string;
  readonly sequence: number;
  readonly logTime: bigint;
  readonly value: unknown;
}

const decoder = new TextDecoder();

/**
 * Reads a finished MCAP file through its index (footer, summary, chunk indexes), as Foxglove does.
 *
 * @example
 * const { messages, schemas } = await readIndexed('run.mcap');
 */
export async function readIndexed(path: string): Promise<{ messages: ReadMessage[]; schemas: Map<string, { name: string; encoding: string }>; chunkCount: number }> {
  const handle = await open(path, 'r');
  try {
    const reader = await McapIndexedReader.Initialize({ readable: new FileHandleReadable(handle) });
    const schemas = new Map<string, { name: string; encoding: string }>();
    for (const channel of reader.channelsById.values()) {
      const schema = reader.schemasById.get(channel.schemaId);
      if (channel.messageEncoding !== 'json' || schema === undefined) throw new Error(`channel ${channel.topic} is not JSON with a schema`);
      schemas.set(channel.topic, { name: schema.name, encoding: schema.encoding });
    }
    const messages: ReadMessage[] = [];
    for await (const message of reader.readMessages()) {
      const channel = reader.channelsById.get(message.channelId);
      const schema = channel && reader.schemasById.get(channel.schemaId);
      messages.push({ topic: channel?.topic ?? '?', schemaName: schema?.name ?? '?', sequence: message.sequence, logTime: message.logTime, value: JSON.parse(decoder.decode(message.data)) });
    }
    return { messages, schemas, chunkCount: reader.statistics?.chunkCount ?? 0 };
  } finally {
    await handle.close();
  }
}

/**
 * Reads an MCAP file front to back as a stream, as far as it is whole: what a reader gets from a file whose writer crashed.
 *
 * @example
 * const messages = await readStream('crashed.mcap');
 */
export async function readStream(path: string): Promise<{ topic: string; sequence: number }[]> {
  const reader = new McapStreamReader();
  reader.append(await readFile(path));
  const topics = new Map<number, string>();
  const messages: { topic: string; sequence: number }[] = [];
  for (let record = reader.nextRecord(); record !== undefined; record = reader.nextRecord()) {
    if (record.type === 'Channel') topics.set(record.id, record.topic);
    if (record.type === 'Message') messages.push({ topic: topics.get(record.channelId) ?? '?', sequence: record.sequence });
  }
  return messages;
}
