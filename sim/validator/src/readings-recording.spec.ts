import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GateFileError } from './errors';
import { parseRecording, readRecording, RECORDING_FORMAT } from './readings-recording';

const document = (fields: object) => ({ format: RECORDING_FORMAT, rateHz: 1000, position: [[0, 0], [0.1, -0.1]], velocity: [[1, -1], [1, -1]], ...fields });

describe('parseRecording', () => {
  it('flattens rows tick-major, with zero currents when none were recorded', () => {
    const recording = parseRecording(document({}), 'run.json');
    expect(recording).toMatchObject({ rateHz: 1000, motors: 2, ticks: 2 });
    expect([...recording.position]).toEqual([0, 0, 0.1, -0.1]);
    expect([...recording.current]).toEqual([0, 0, 0, 0]);
  });

  it.each([
    [{ format: 'csv' }, /'format' must be 'tickswap\.readings\/1', got "csv"/],
    [{ rateHz: 'fast' }, /'rateHz' must be a positive number, got "fast"/],
    [{ position: [] }, /'position' must be a non-empty array of rows/],
    [{ velocity: [[1, -1]] }, /'velocity' has 1 rows but 'position' has 2/],
    [{ position: [[0, 0], [0.1]] }, /'position' row 1 must be 2 finite numbers/],
    [{ current: [[0, null], [0, 0]] }, /'current' row 0 must be 2 finite numbers/],
  ])('refuses %j, naming the file and the field', (fields, message) => {
    expect(() => parseRecording(document(fields), 'run.json')).toThrow(message);
  });

  it('reads a file, and names a file it cannot read', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tickswap-recording-'));
    writeFileSync(join(folder, 'run.json'), JSON.stringify(document({})));
    expect(readRecording(join(folder, 'run.json')).ticks).toBe(2);
    expect(() => readRecording(join(folder, 'none.json'))).toThrow(GateFileError);
    expect(() => readRecording(join(folder, 'none.json'))).toThrow(/^readRecording failed: cannot read .*none\.json as JSON/);
  });
});
