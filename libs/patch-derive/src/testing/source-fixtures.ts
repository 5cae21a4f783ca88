// Small behaviour sources for the derivation's tests, and edits of them.
import { readSourceDir, type SourceTree } from '../source-tree';

/** A behaviour root, a PID with an integral, a subclass of it, and a class that is not a behaviour. */
export const SMALL_SOURCES: SourceTree = new Map([
  ['behaviour.ts', 'export abstract class Behaviour {\n  abstract update(input: number, dt: number): number;\n}\n'],
  [
    'pid.ts',
    `import { Behaviour } from './behaviour';

export class Pid extends Behaviour {
  static readonly fields = ['kp', 'integral', 'output'] as const;
  kp: number;
  integral = 0;
  output = 0;

  constructor(kp: number) {
    super();
    this.kp = kp;
  }

  update(error: number, dt: number): number {
    this.integral += error * dt;
    this.output = this.kp * error + this.integral;
    return this.output;
  }
}
`,
  ],
  ['slow-pid.ts', "import { Pid } from './pid';\n\nexport class SlowPid extends Pid {\n  static readonly fields = ['every'] as const;\n  every = 2;\n}\n"],
  ['settings.ts', 'export class Settings {\n  gain = 1;\n}\n'],
]);

/** The sources with one file's text edited. */
export function edited(tree: SourceTree, file: string, edit: (text: string) => string): Map<string, string> {
  const text = tree.get(file);
  if (text === undefined) throw new Error(`edited: no ${file} in the fixture`);
  return new Map(tree).set(file, edit(text));
}

/** The shipped behaviours' sources (libs/behaviours/src). */
export function shippedSources(): SourceTree {
  return readSourceDir(`${__dirname}/../../../behaviours/src`);
}
