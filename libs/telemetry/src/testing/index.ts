// Test helpers of @tickswap/telemetry (`@tickswap/telemetry/testing`): every export is named here.
export type { Family, Sample } from './prometheus-parse';
export { parseExposition } from './prometheus-parse';
export type { ReceivedEvent, SseClient } from './sse-client';
export { connectSse, fetchText } from './sse-client';
export type { ReadMessage } from './read-mcap';
export { readIndexed, readStream } from './read-mcap';
export { statisticsMessage } from './statistics-message';
