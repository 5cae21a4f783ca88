/**
 * A recording could not be created or written: the file cannot be opened,
 * or writes to it failed (disk full). What was written before a failure
 * stays readable up to its last complete chunk.
 *
 * @example
 * await McapRecorder.open('/no/such/dir/run.mcap'); // throws RecordingError
 */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}
