import { changeLines } from './change-lines';
import { deriveChanges } from './derive-changes';
import { readClasses } from './read-classes';
import { edited, SMALL_SOURCES } from './testing/source-fixtures';

describe('changeLines', () => {
  it('says when nothing changed', () => {
    expect(changeLines({ classes: [], moved: [], stubs: [] })).toEqual(['no behaviour class changed']);
  });

  it('lists each class with why, then its fields: renamed with score and override, added with value, removed with candidates, retyped', () => {
    const after = edited(SMALL_SOURCES, 'pid.ts', (t) =>
      t
        .replace("'integral', 'output'", "'sum', 'output', 'extra'")
        .replace('kp: number;', 'kp: string;')
        .replace('this.kp = kp;', 'this.kp = String(kp);')
        .replace('this.kp * error', 'Number(this.kp) * error')
        .replace('integral = 0;', 'sum = 0;\n  extra = 1;')
        .replace(/this\.integral\b/g, 'this.sum'),
    );
    const lines = changeLines(deriveChanges(readClasses(SMALL_SOURCES), readClasses(after)));
    expect(lines[0]).toBe('Pid: replace (code changed)');
    expect(lines[1]).toMatch(/^ {2}~ integral -> sum \(guessed, score [\d.]+(; also extra [\d.]+)?; override with --rename Pid\.integral=<field> or --no-rename Pid\.integral\)$/);
    expect(lines.slice(2)).toEqual(['  + extra: number = 1', '  ! kp: number -> string (stub to fill in: its values need a migration)', 'SlowPid: replace (superclass Pid replaced)']);
  });

  it('shows a removed field with its rename candidates, and a class moved', () => {
    const after = new Map(SMALL_SOURCES).set('slow-pid.ts', "import { Pid } from './pid';\n\nexport class SlowPid extends Pid {\n  static readonly fields = ['every2'] as const;\n  every2 = 2;\n}\n");
    const lines = changeLines(deriveChanges(readClasses(SMALL_SOURCES), readClasses(after), { noRename: ['SlowPid.every'] }));
    expect(lines).toEqual(['SlowPid: replace (code changed)', '  + every2: number = 2', expect.stringMatching(/^ {2}- every \(candidates for a rename: every2 [\d.]+; --rename SlowPid\.every=<field>\)$/)]);
  });
});
