import { progressBar } from './progress-bar';

/** A stream that keeps what is written. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream };
}

describe('progressBar', () => {
  it('redraws one line on a terminal, and clears it when done', () => {
    const { written, stream: tty } = stream(true);
    const bar = progressBar(tty);
    bar.update({ phase: 'candidate', simulatedS: 5, horizonS: 10 });
    bar.done();
    expect(written).toEqual([`\r\x1b[2Kcandidate [${'#'.repeat(15)}${'-'.repeat(15)}] 5.0 / 10.0 s`, '\r\x1b[2K']);
  });

  it('writes one line per phase elsewhere', () => {
    const { written, stream: pipe } = stream(false);
    const bar = progressBar(pipe);
    for (const simulatedS of [1, 2]) bar.update({ phase: 'shadow', simulatedS, horizonS: 10 });
    bar.update({ phase: 'candidate', simulatedS: 0, horizonS: 10 });
    bar.done();
    expect(written).toEqual(['shadow...\n', 'candidate...\n']);
  });
});
