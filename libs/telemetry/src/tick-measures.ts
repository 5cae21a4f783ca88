import type { TickRecord } from '@tickswap/control-loop';

const phase = (ms: number): number => (ms === ms ? ms : 0);

/**
 * A tick's start lateness, ms: actual start minus scheduled start.
 *
 * @example
 * latenessMs(record) * 1000; // µs
 */
export function latenessMs(record: TickRecord): number {
  return record.actualStart - record.scheduledStart;
}

/**
 * A tick's compute time, ms: read + update + write + boundary (a phase that
 * did not run, after a fault, counts 0).
 *
 * @example
 * computeMs(record) * 1000; // µs
 */
export function computeMs(record: TickRecord): number {
  return phase(record.read) + phase(record.update) + phase(record.write) + phase(record.commit);
}

/**
 * Milliseconds to microseconds, rounded to the nanosecond so the JSON stays short.
 *
 * @example
 * toMicros(0.0123456); // 12.346
 */
export function toMicros(ms: number): number {
  return Math.round(ms * 1e6) / 1e3;
}

/**
 * Milliseconds rounded to the nanosecond (clock readings carry float noise).
 *
 * @example
 * roundMs(0.1999999999998181); // 0.2
 */
export function roundMs(ms: number): number {
  return Math.round(ms * 1e6) / 1e6;
}
