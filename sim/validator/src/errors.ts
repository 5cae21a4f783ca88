/**
 * A gate request or its options cannot be run (a horizon that is not a
 * positive number, a recording of another rate, a state without a
 * behaviour...): nothing ran. The message names the method, what was wrong
 * and what to give instead.
 *
 * @example
 * new GateConfigError('runGate failed: horizonS must be a positive number of seconds, got -1');
 */
export class GateConfigError extends Error {
  override readonly name = 'GateConfigError';
}

/**
 * A file the gate reads (a recording of sensor readings, a saved live state)
 * is missing or not of its format; the message names the file and the field.
 *
 * @example
 * new GateFileError("readRecording failed: run.json: 'rateHz' must be a positive number, got 'fast'");
 */
export class GateFileError extends Error {
  override readonly name = 'GateFileError';
}
