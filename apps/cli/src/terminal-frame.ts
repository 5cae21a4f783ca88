/** Where a frame is written: a terminal (redrawn in place) or a pipe or file (a new frame when it changed). */
export interface FrameOutput {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * Shows a block of lines that changes over time: on a terminal it redraws
 * the block in place (cursor up over the last frame, clear to the end);
 * elsewhere (a pipe, a log file, a test) it writes a frame only when it
 * differs from the last one, followed by a blank line.
 *
 * @example
 * const frame = new TerminalFrame(process.stdout);
 * setInterval(() => frame.show(view.lines(process.stdout.columns ?? 100)), 250);
 */
export class TerminalFrame {
  private shown: string[] = [];

  constructor(private readonly output: FrameOutput) {}

  /** Shows `lines` instead of the last frame. */
  show(lines: readonly string[]): void {
    const text = lines.join('\n');
    if (this.output.isTTY === true) {
      const up = this.shown.length > 1 ? `\x1b[${this.shown.length - 1}A` : '';
      this.output.write(`${up}\r\x1b[0J${text}`);
    } else if (text !== this.shown.join('\n')) this.output.write(`${text}\n\n`);
    this.shown = [...lines];
  }

  /** Leaves the last frame on screen and moves below it (a terminal's prompt then starts on a line of its own). */
  end(): void {
    if (this.output.isTTY === true && this.shown.length > 0) this.output.write('\n');
  }
}
