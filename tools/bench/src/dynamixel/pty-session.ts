import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { openPtyPair, SerialPortTransport, type PtyPair } from '@tickswap/dynamixel';
import { percentile } from '../statistics';

/** Latency figures of one measured series, in µs. */
export interface LatencyFigures {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Samples above 2 ms (the bus's default reply margin). */
  readonly overTwoMillis: number;
}

const WARM_UP = 200;

/**
 * Opens a socat pty pair, starts `responder-process.ts <mode> ...args` on one
 * end (a child process, as real servos are other hardware), opens the other
 * end at 1 Mbaud, runs `use` with it, and tears everything down.
 *
 * @example
 * await withPtyResponder(['servos', '4'], async (transport) => measure(transport));
 */
export function withPtyResponder<T>(args: readonly string[], use: (transport: SerialPortTransport) => Promise<T>): Promise<T> {
  return withPtyChild(join(__dirname, 'responder-process.ts'), args, use);
}

/**
 * Opens a socat pty pair, forks `script <pty end> ...args` on one end (it
 * sends a first message once it listens; it exits when disconnected), opens
 * the other end at 1 Mbaud, runs `use` with it and the child, and tears
 * everything down.
 *
 * @example
 * await withPtyChild(join(__dirname, 'servos-process.ts'), ['4'], async (transport, child) => measure(transport, child));
 */
export async function withPtyChild<T>(
  script: string,
  args: readonly string[],
  use: (transport: SerialPortTransport, child: ChildProcess) => Promise<T>,
): Promise<T> {
  const pty: PtyPair = await openPtyPair();
  let child: ChildProcess | undefined;
  try {
    child = fork(script, [pty.paths[0], ...args], { execArgv: process.execArgv });
    await once(child, 'message');
    const transport = await SerialPortTransport.open({ path: pty.paths[1], baudRate: 1_000_000 });
    try {
      return await use(transport, child);
    } finally {
      await transport.close();
    }
  } finally {
    if (child?.connected) {
      child.disconnect();
      await once(child, 'exit');
    }
    await pty.close();
  }
}

/**
 * Times `count` ticks of `tick` (after a warm-up), each followed by a 1 ms
 * sleep as in a control loop, and summarises them.
 *
 * @example
 * const figures = await timeTicks(2000, () => bus.read(readings));
 */
export async function timeTicks(count: number, tick: () => Promise<unknown>): Promise<LatencyFigures> {
  const micros = new Float64Array(count);
  for (let index = -WARM_UP; index < count; index++) {
    const start = process.hrtime.bigint();
    await tick();
    if (index >= 0) micros[index] = Number(process.hrtime.bigint() - start) / 1000;
    // A loop leaves the bus idle between ticks, so a reply later than its deadline drains
    // here instead of passing for the next tick's (Protocol 2.0 has no sequence number).
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return {
    p50: percentile(micros, 0.5),
    p99: percentile(micros, 0.99),
    max: percentile(micros, 1),
    overTwoMillis: micros.filter((value) => value > 2000).length,
  };
}
