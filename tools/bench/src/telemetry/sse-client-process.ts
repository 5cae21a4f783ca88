// Child process of the `telemetry` benchmark: one client of the telemetry
// server's live stream, in a process of its own (as a browser would be), so
// that only the server's side of the stream runs in the loop's process.
// Usage: sse-client-process.ts <url>. Sends 'connected', then, when the
// parent disconnects, its counts ({ events, bytes }) and exits.
import { get } from 'node:http';

const url = process.argv[2] as string;
let events = 0;
let bytes = 0;
get(url, (response) => {
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    events += chunk.split('\n\n').length - 1;
  });
  process.send?.('connected');
}).on('error', (error) => {
  console.error(`sse-client-process: ${error.message}`);
  process.exit(1);
});
process.on('message', () => process.send?.({ events, bytes }, () => process.exit(0)));
