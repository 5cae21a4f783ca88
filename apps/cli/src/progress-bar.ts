import type { GateProgress } from '@tickswap/validator';

const WIDTH = 30;

/**
 * Shows a gate's progress on a stream: on a terminal, one line redrawn in
 * place (phase, a bar of the simulated time, seconds reached); elsewhere,
 * one line per phase. `done()` ends the line.
 *
 * @example
 * const bar = progressBar(process.stderr);
 * await validator.run(request, bar.update);
 * bar.done();
 */
export function progressBar(stream: NodeJS.WriteStream): { update: (progress: GateProgress) => void; done: () => void } {
  let lastPhase = '';
  let drawn = false;
  return {
    update: (progress) => {
      const share = progress.horizonS > 0 ? Math.min(1, progress.simulatedS / progress.horizonS) : 0;
      const filled = Math.round(share * WIDTH);
      const line = `${progress.phase.padEnd(9)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${progress.simulatedS.toFixed(1)} / ${progress.horizonS.toFixed(1)} s`;
      if (stream.isTTY === true) {
        stream.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else if (progress.phase !== lastPhase) {
        stream.write(`${progress.phase}...\n`);
      }
      lastPhase = progress.phase;
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
