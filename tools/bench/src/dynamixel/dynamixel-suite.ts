import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { wireMicros } from '@tickswap/dynamixel';
import type { BenchSuite } from '../suite';
import { fmt, table } from '../statistics';
import { parserThroughput } from './parser-throughput';
import { ptyEchoRoundTrip, ptyRoundTrip } from './pty-round-trip';
import { statusStream } from './status-stream';
import { tickBytes } from './tick-bytes';

const STREAM_BYTES = 16 << 20;
const CHUNK_SIZES = [64, 512, 4096];
const GOAL_PARSER_MBPS = 50;
const SERVO_COUNTS = [2, 4, 12];
const ROUND_TRIPS = 2000;
const GOAL_P99_US = 500;

function parserSection(progress: (line: string) => void): string {
  const stream = statusStream(STREAM_BYTES);
  const rows = CHUNK_SIZES.map((chunkSize) => {
    const f = parserThroughput(stream.bytes, chunkSize, stream.packets);
    progress(`parser, ${chunkSize}-byte chunks: ${fmt(f.parserMBps)} MB/s; Buffer.copy ${fmt(f.copyMBps)} MB/s`);
    return [String(chunkSize), fmt(f.parserMBps), fmt(f.packetsPerSecond / 1e6, 2), fmt(f.copyMBps), `${fmt(f.parserMBps / f.copyMBps, 3)}×`];
  });
  const slowest = Math.min(...rows.map((row) => Number(row[1])));
  return [
    `### Parser throughput`,
    '',
    `${(stream.bytes.length / 2 ** 20).toFixed(0)} MiB of Sync Read replies (${stream.packets} status packets of 10 data bytes, ids 1..12; ${stream.stuffed} of them, one in eight, byte-stuffed), fed in fixed-size chunks, median of 7 runs. Baseline: \`Buffer.copy\` of the same chunks into a 64 KiB buffer, in the same run.`,
    '',
    table(['chunk bytes', 'parser MB/s', 'M packets/s', '`Buffer.copy` MB/s', 'parser / copy'], rows),
    '',
    `Goal ≥ ${GOAL_PARSER_MBPS} MB/s: ${slowest >= GOAL_PARSER_MBPS ? 'met' : 'NOT met'} (slowest ${fmt(slowest)} MB/s). A 1 Mbaud bus carries at most 0.1 MB/s.`,
  ].join('\n');
}

async function roundTripSection(progress: (line: string) => void): Promise<string> {
  if (spawnSync('socat', ['-V']).status !== 0) return '### Round trip over a pseudo-terminal\n\nSkipped: `socat` is not installed (apt-get install socat).';
  const rows: string[][] = [];
  let fourServosP99 = Number.NaN;
  let fourServosFloorP99 = Number.NaN;
  for (const servos of SERVO_COUNTS) {
    const floor = await ptyEchoRoundTrip(servos, ROUND_TRIPS);
    const f = await ptyRoundTrip(servos, ROUND_TRIPS);
    progress(`pty, ${servos} servos: p50 ${fmt(f.p50)} µs, p99 ${fmt(f.p99)} µs, max ${fmt(f.max)} µs (echo floor p99 ${fmt(floor.p99)} µs)`);
    if (servos === 4) [fourServosP99, fourServosFloorP99] = [f.p99, floor.p99];
    rows.push([
      String(servos),
      `${fmt(floor.p50)} / ${fmt(floor.p99)}`,
      fmt(f.p50),
      fmt(f.p99),
      fmt(f.max),
      `${fmt(f.p99 / floor.p99, 2)}×`,
      String(f.overTwoMillis),
      String(f.faults),
      fmt(wireMicros(tickBytes(servos), 1_000_000), 0),
      fmt(wireMicros(tickBytes(servos), 4_500_000), 0),
    ]);
  }
  return [
    `### Round trip over a pseudo-terminal`,
    '',
    `${ROUND_TRIPS} ticks per row after 200 to warm up, each followed by a 1 ms sleep as in a loop. A tick awaits \`DynamixelBus#read\` (Sync Read of every present state, 10 bytes a servo) and then calls \`write\` (Sync Write of every goal velocity), as the control loop does; it is timed from the read call until the write returns. The servos are the package's \`ServoResponder\` in a child process on the other end of a \`socat\` pty pair; both ends are opened through \`serialport\` at 1 Mbaud settings. The reply margin is raised to 100 ms so slow replies are timed rather than cut off; "over 2 ms" counts the ticks the default margin would have turned into faults. Baseline (echo floor), in the same run and setting: the Sync Read request's bytes sent to a child that sends them straight back, nothing decoded. A pty does not pace bytes: the wire time a real bus adds (return delay 0) is computed beside.`,
    '',
    table(
      ['servos', 'echo floor p50 / p99 µs', 'p50 µs', 'p99 µs', 'max µs', 'p99 / floor p99', 'over 2 ms', 'faults', 'wire µs at 1 Mbaud', 'wire µs at 4.5 Mbaud'],
      rows,
    ),
    '',
    `Goal p99 ≤ ${GOAL_P99_US} µs with 4 servos: ${fourServosP99 <= GOAL_P99_US ? 'met' : 'NOT met'} (p99 ${fmt(fourServosP99)} µs${
      fourServosFloorP99 > GOAL_P99_US ? `; the echo floor alone has p99 ${fmt(fourServosFloorP99)} µs here, so the tail is the machine's, not the driver's` : ''
    }). On a real 1 Mbaud bus a tick of 4 servos also spends ${fmt(wireMicros(tickBytes(4), 1_000_000), 0)} µs on the wire, more than a 1 kHz period: 1 kHz with 4 servos needs 2 Mbaud or more (the XM430 goes to 4.5 Mbaud).`,
  ].join('\n');
}

/**
 * `npm run bench -- dynamixel`: the Protocol 2.0 parser's throughput against
 * `Buffer.copy`, and the tick's sync write + sync read round trip through
 * the real serialport stack over a socat pty pair.
 *
 * @example
 * const body = await dynamixelSuite.run(console.log);
 */
export const dynamixelSuite: BenchSuite = {
  name: 'dynamixel',
  title: 'Dynamixel: parser throughput and serial round trip',
  async run(progress) {
    const load = loadavg()[0] as number;
    const parser = parserSection(progress);
    const roundTrip = await roundTripSection(progress);
    return `Load average at start: ${fmt(load, 2)} (the machine is shared).\n\n${parser}\n\n${roundTrip}`;
  },
};
