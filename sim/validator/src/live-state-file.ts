import { readFileSync, writeFileSync } from 'node:fs';
import type { Snapshot } from '@tickswap/dsu';
import { GateFileError } from './errors';
import type { LiveState } from './gate-request';

/** The format tag of a saved live state. */
export const LIVE_STATE_FORMAT = 'tickswap.live-state/1';

/**
 * Saves a live state (snapshot and readings) as JSON, so that a gate can be
 * run again at a desk from it (`tickswap patch test --snapshot <file>`).
 *
 * @example
 * writeLiveState('robot-7.state.json', { snapshot: toSnapshot(live.root, live.namespace), readings });
 */
export function writeLiveState(path: string, state: LiveState): void {
  const readings = state.readings === undefined ? undefined : { position: Array.from(state.readings.position), velocity: Array.from(state.readings.velocity) };
  writeFileSync(path, `${JSON.stringify({ format: LIVE_STATE_FORMAT, snapshot: state.snapshot, ...(readings === undefined ? {} : { readings }) })}\n`);
}

const numbers = (value: unknown) => Array.isArray(value) && value.every((n) => typeof n === 'number');

/**
 * Reads a live state {@link writeLiveState} saved. Throws GateFileError
 * naming the file and what is wrong (the snapshot itself is checked when
 * the gate rebuilds it).
 *
 * @example
 * const state = readLiveState('robot-7.state.json');
 */
export function readLiveState(path: string): LiveState {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new GateFileError(`readLiveState failed: cannot read ${path} as JSON (${(error as Error).message}); give a live state file`, { cause: error });
  }
  if (json?.['format'] !== LIVE_STATE_FORMAT) throw new GateFileError(`readLiveState failed: ${path}: 'format' must be '${LIVE_STATE_FORMAT}', got ${JSON.stringify(json?.['format'])}`);
  const snapshot = json['snapshot'] as Snapshot | undefined;
  if (typeof snapshot !== 'object' || snapshot === null || typeof snapshot.version !== 'string') {
    throw new GateFileError(`readLiveState failed: ${path}: 'snapshot' must be a dsu snapshot (from toSnapshot)`);
  }
  const readings = json['readings'] as { position?: unknown; velocity?: unknown } | undefined;
  if (readings !== undefined && !(numbers(readings.position) && numbers(readings.velocity))) {
    throw new GateFileError(`readLiveState failed: ${path}: 'readings' must be { position: number[], velocity: number[] }`);
  }
  return { snapshot, ...(readings === undefined ? {} : { readings: readings as LiveState['readings'] & object }) };
}
