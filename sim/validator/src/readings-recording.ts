import { readFileSync } from 'node:fs';
import { GateFileError } from './errors';

/** The format tag of a recording file. */
export const RECORDING_FORMAT = 'tickswap.readings/1';

/**
 * The live robot's motor readings, one row per tick from the snapshot's tick
 * on, tick-major (`position[tick * motors + motor]`; rad, rad/s, A).
 */
export interface ReadingsRecording {
  readonly rateHz: number;
  readonly motors: number;
  readonly ticks: number;
  readonly position: Float64Array;
  readonly velocity: Float64Array;
  readonly current: Float64Array;
}

type Rows = readonly (readonly number[])[];

function rows(json: Record<string, unknown>, field: string, where: string, shape?: { ticks: number; motors: number }): Rows {
  const value = json[field];
  const fail = (problem: string) => new GateFileError(`readRecording failed: ${where}: '${field}' ${problem}; give one array of motor values per tick`);
  if (!Array.isArray(value) || value.length === 0) throw fail('must be a non-empty array of rows');
  const motors = shape?.motors ?? (Array.isArray(value[0]) ? value[0].length : 0);
  value.forEach((row: unknown, tick) => {
    if (!Array.isArray(row) || row.length !== motors || motors === 0 || !row.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      throw fail(`row ${tick} must be ${motors || 'one or more'} finite numbers`);
    }
  });
  if (shape !== undefined && value.length !== shape.ticks) throw fail(`has ${value.length} rows but 'position' has ${shape.ticks}`);
  return value as Rows;
}

/**
 * Checks a recording's JSON document (`{ format: 'tickswap.readings/1',
 * rateHz, position: [[...], ...], velocity: [[...], ...], current?: [[...], ...] }`,
 * one row of motor values per tick) and flattens it. Throws GateFileError
 * naming `where` and the field.
 *
 * @example
 * const recording = parseRecording(JSON.parse(text), 'run.json');
 */
export function parseRecording(json: unknown, where: string): ReadingsRecording {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new GateFileError(`readRecording failed: ${where} is not a JSON object; a recording is { format, rateHz, position, velocity }`);
  const document = json as Record<string, unknown>;
  if (document['format'] !== RECORDING_FORMAT) {
    throw new GateFileError(`readRecording failed: ${where}: 'format' must be '${RECORDING_FORMAT}', got ${JSON.stringify(document['format'])}`);
  }
  const rateHz = document['rateHz'];
  if (typeof rateHz !== 'number' || !(rateHz > 0 && Number.isFinite(rateHz))) {
    throw new GateFileError(`readRecording failed: ${where}: 'rateHz' must be a positive number, got ${JSON.stringify(rateHz)}`);
  }
  const position = rows(document, 'position', where);
  const shape = { ticks: position.length, motors: (position[0] as readonly number[]).length };
  const velocity = rows(document, 'velocity', where, shape);
  const current = document['current'] === undefined ? undefined : rows(document, 'current', where, shape);
  const flat = (values: Rows | undefined) => (values === undefined ? new Float64Array(shape.ticks * shape.motors) : Float64Array.from(values.flat()));
  return { rateHz, ...shape, position: flat(position), velocity: flat(velocity), current: flat(current) };
}

/**
 * Reads a recording file (see {@link parseRecording}).
 *
 * @example
 * const scenario = { robot, recording: readRecording('readings.json') };
 */
export function readRecording(path: string): ReadingsRecording {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new GateFileError(`readRecording failed: cannot read ${path} as JSON (${(error as Error).message}); give a recording file`, { cause: error });
  }
  return parseRecording(json, path);
}
