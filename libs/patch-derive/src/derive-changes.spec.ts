import { deriveChanges } from './derive-changes';
import { RenameChoiceError } from './errors';
import { readClasses } from './read-classes';
import { edited, SMALL_SOURCES } from './testing/source-fixtures';
import type { SourceTree } from './source-tree';

const derive = (after: SourceTree, choices = {}) => deriveChanges(readClasses(SMALL_SOURCES), readClasses(after), choices);
const pidEdit = (edit: (text: string) => string) => edited(SMALL_SOURCES, 'pid.ts', edit);
const change = (after: SourceTree, name = 'Pid', choices = {}) => derive(after, choices).classes.find((c) => c.name === name);

/** The PID with `integral` renamed `sum` and a field `windup` added beside it, used like it. */
const renamedAndLookalike = pidEdit((t) =>
  t
    .replace("'integral',", "'sum', 'windup',")
    .replace('integral = 0;', 'sum = 0;\n  windup = 0;')
    .replace('this.integral += error * dt;', 'this.sum += error * dt;\n    this.windup += error;')
    .replace('+ this.integral;', '+ this.sum;'),
);

describe('deriveChanges', () => {
  it('finds nothing between equal versions', () => {
    expect(derive(SMALL_SOURCES)).toEqual({ classes: [], moved: [], stubs: [] });
  });

  it('derives a class added and a class removed', () => {
    const after = new Map(SMALL_SOURCES).set('stop.ts', "import { Behaviour } from './behaviour';\nexport class Stop extends Behaviour {\n  static readonly fields = [] as const;\n  update(): number { return 0; }\n}\n");
    after.delete('slow-pid.ts');
    const { classes } = derive(after);
    expect(classes.map((c) => [c.name, c.kind, c.file])).toEqual([
      ['Stop', 'add', 'stop.ts'],
      ['SlowPid', 'remove', undefined],
    ]);
  });

  it('replaces a class whose code changed, and its subclasses with it', () => {
    const { classes } = derive(pidEdit((t) => t.replace('error * dt', '0.5 * error * dt')));
    expect(classes.map((c) => [c.name, c.kind, c.reasons])).toEqual([
      ['Pid', 'replace', ['code changed']],
      ['SlowPid', 'replace', ['superclass Pid replaced']],
    ]);
  });

  it('replaces a class whose module-level helper changed', () => {
    expect(change(pidEdit((t) => `${t}\nexport const LIMIT = 2;\n`))?.reasons).toEqual(['its module changed']);
  });

  it('derives fields added with their value: a literal, an expression of the old fields, a constructor option fallback', () => {
    const after = pidEdit((t) =>
      t
        .replace("'output']", "'output', 'bias', 'history', 'doubled', 'limit']")
        .replace('output = 0;', 'output = 0;\n  bias = -0.5;\n  history = new Float64Array(4);\n  doubled: number;\n  limit: number;')
        .replace('constructor(kp: number) {', 'constructor(kp: number, options: { limit?: number } = {}) {')
        .replace('this.kp = kp;', 'this.kp = kp;\n    this.doubled = this.kp * 2;\n    this.limit = options.limit ?? Number.POSITIVE_INFINITY;'),
    );
    expect(change(after)?.added).toEqual([
      { name: 'bias', type: 'number', init: { kind: 'value', text: '-0.5' } },
      { name: 'history', type: 'Float64Array', init: { kind: 'init', text: 'new Float64Array(4)' } },
      { name: 'doubled', type: 'number', init: { kind: 'init', text: 'old.kp * 2' } },
      { name: 'limit', type: 'number', init: { kind: 'value', text: 'Number.POSITIVE_INFINITY' } },
    ]);
  });

  it('derives a field whose value only the constructor knows as a stub', () => {
    const after = pidEdit((t) => t.replace("'output']", "'output', 'ki']").replace('output = 0;', 'output = 0;\n  ki: number;').replace('this.kp = kp;', 'this.kp = kp;\n    this.ki = kp / 10;'));
    const derived = derive(after);
    expect(derived.classes[0]?.added[0]?.init).toEqual({ kind: 'stub', why: "its initialiser (kp / 10) uses 'kp', which a migration does not have" });
    expect(derived.stubs).toEqual([{ className: 'Pid', field: 'ki', kind: 'add', message: "Pid.ki is new and its initialiser (kp / 10) uses 'kp', which a migration does not have: write its value for migrated instances" }]);
  });

  it('derives a field removed', () => {
    const after = pidEdit((t) => t.replace(", 'output']", ']').replace('  output = 0;\n', '').replace('this.output = this.kp', 'const output = this.kp').replace('return this.output;', 'return output;'));
    expect(change(after)).toMatchObject({ removed: ['output'], added: [], renamed: [] });
  });

  it('guesses a rename from usages among several candidates, and lists them ranked', () => {
    const pid = change(renamedAndLookalike);
    expect(pid?.renamed).toEqual([{ from: 'integral', to: 'sum', score: expect.any(Number) }]);
    expect(pid?.added.map((field) => field.name)).toEqual(['windup']);
    const ranked = pid?.candidates.get('integral') ?? [];
    expect(ranked.map((c) => c.to)).toEqual(['sum', 'windup']);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
  });

  it('takes the rename the user gives over the guess, and leaves a refused guess as remove and add', () => {
    const given = change(renamedAndLookalike, 'Pid', { rename: { 'Pid.integral': 'windup' } });
    expect(given?.renamed).toEqual([{ from: 'integral', to: 'windup', score: undefined }]);
    expect(given?.added.map((field) => field.name)).toEqual(['sum']);
    const refused = change(renamedAndLookalike, 'Pid', { noRename: ['Pid.integral'] });
    expect(refused).toMatchObject({ renamed: [], removed: ['integral'] });
    expect(refused?.added.map((field) => field.name)).toEqual(['sum', 'windup']);
  });

  it.each([
    [{ rename: { 'Pid.gain': 'sum' } }, "--rename Pid.gain=sum: Pid has no removed field 'gain' (removed: integral)"],
    [{ rename: { 'Pid.integral': 'nothing' } }, "--rename Pid.integral=nothing: Pid has no added field 'nothing' (added: sum, windup)"],
  ])('refuses a rename choice that names no such field: %j', (choices, message) => {
    expect(() => derive(renamedAndLookalike, choices)).toThrow(RenameChoiceError);
    expect(() => derive(renamedAndLookalike, choices)).toThrow(`deriveChanges failed: ${message}`);
  });

  it('skips a rename choice this derivation has no fields for when asked to (a live session keeps its choices)', () => {
    expect(change(renamedAndLookalike, 'Pid', { rename: { 'Pid.gain': 'sum' }, skipUnmatched: true })?.renamed).toEqual([{ from: 'integral', to: 'sum', score: expect.any(Number) }]);
  });

  it('does not guess a rename between fields of incompatible types', () => {
    const after = pidEdit((t) => t.replace("'integral',", "'sums',").replace('integral = 0;', 'sums: number[] = [];').replace(/this\.integral/g, 'this.sums[0]'));
    expect(change(after)).toMatchObject({ renamed: [], removed: ['integral'] });
  });

  it('treats a class moved to another file as the same class', () => {
    const after = new Map(SMALL_SOURCES);
    after.delete('slow-pid.ts');
    after.set('pid.ts', `${SMALL_SOURCES.get('pid.ts')}\nexport class SlowPid extends Pid {\n  static readonly fields = ['every'] as const;\n  every = 2;\n}\n`);
    const derived = derive(after);
    expect(derived.moved).toEqual([{ name: 'SlowPid', from: 'slow-pid.ts', to: 'pid.ts' }]);
    // Behaviour classes are not module-level code: Pid's module did not change by receiving SlowPid.
    expect(derived.classes).toEqual([]);
  });

  it('derives a field whose type changed incompatibly as a transform stub', () => {
    const after = pidEdit((t) => t.replace('kp: number;', 'kp: number[];').replace('this.kp = kp;', 'this.kp = [kp];').replace('this.kp * error', '(this.kp[0] ?? 0) * error'));
    const derived = derive(after);
    expect(derived.classes[0]?.retyped).toEqual([{ field: 'kp', from: 'number', to: 'number[]' }]);
    expect(derived.stubs).toEqual([{ className: 'Pid', field: 'kp', kind: 'transform', message: 'Pid.kp changed type from number to number[]: write how an old value becomes a new one' }]);
  });

  it('takes a widened type (number to number | undefined) as no type change', () => {
    expect(change(pidEdit((t) => t.replace('kp: number;', 'kp: number | undefined;').replace('this.kp * error', '(this.kp ?? 0) * error')))?.retyped).toEqual([]);
  });

  it('derives a superclass change', () => {
    const after = edited(SMALL_SOURCES, 'slow-pid.ts', (t) => t.replace("import { Pid } from './pid';", "import { Behaviour } from './behaviour';").replace('extends Pid', 'extends Behaviour'));
    // What it inherited from Pid goes with it; its own field stays.
    expect(change(after, 'SlowPid')).toMatchObject({ superclass: { from: 'Pid', to: 'Behaviour' }, reasons: ['code changed'], removed: ['kp', 'integral', 'output'], added: [] });
  });
});
