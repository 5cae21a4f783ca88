/** One benchmark suite of `npm run bench`: measures, prints, returns its report. */
export interface BenchSuite {
  /** Short id used on the command line (`npm run bench -- loop`) and as the section key. */
  readonly name: string;
  /** What the suite measures, one line. */
  readonly title: string;
  /** Runs the measurements and returns the Markdown body recorded in docs/benchmarks.md. */
  run(progress: (line: string) => void): Promise<string>;
}
