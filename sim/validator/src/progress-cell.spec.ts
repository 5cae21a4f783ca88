import { ProgressCell } from './progress-cell';

describe('ProgressCell', () => {
  it('tells another view of the same memory the phase and the simulated time of the tick started last', () => {
    const worker = new ProgressCell();
    const host = new ProgressCell(worker.buffer);
    expect(host.read()).toEqual({ phase: 'starting', simulatedS: 0, horizonS: 0 });
    worker.enter('shadow', 10_000, 1000);
    worker.tick(2999);
    expect(host.read()).toEqual({ phase: 'shadow', simulatedS: 2.999, horizonS: 10 });
    worker.enter('candidate');
    expect(host.read()).toEqual({ phase: 'candidate', simulatedS: 0, horizonS: 10 });
  });

  it('keeps a rate that is not a whole number of hertz', () => {
    const cell = new ProgressCell();
    cell.enter('candidate', 1000, 333.5);
    cell.tick(667);
    expect(cell.read().simulatedS).toBeCloseTo(2, 6);
  });
});
