import fc from 'fast-check';
import type { FieldModel } from './class-model';
import { guessRenames, RENAME_THRESHOLD, renameCandidates, renameScore } from './rename-guess';

const field = (name: string, type: string, usages: string[]): FieldModel => ({ name, type, initialiser: '0', usages: new Set(usages) });

describe('renameScore', () => {
  const old = field('integral', 'number', ['m:update', 's:this.$ += e;', 's:return this.$;']);

  it('scores a field used in the same statements near 1, and one used elsewhere low', () => {
    expect(renameScore(old, field('sum', 'number', ['m:update', 's:this.$ += e;', 's:return this.$;']))).toBeGreaterThan(0.85);
    expect(renameScore(old, field('count', 'number', ['m:reset', 's:this.$ = 0;']))).toBeLessThan(RENAME_THRESHOLD);
  });

  it('gives 0 to a field of an incompatible type, however alike its usages', () => {
    expect(renameScore(old, field('integral2', 'string', ['m:update', 's:this.$ += e;', 's:return this.$;']))).toBe(0);
  });
});

describe('guessRenames', () => {
  it('pairs the best scores first and uses each added field once', () => {
    const guesses = guessRenames(
      new Map([
        ['a', [{ to: 'x', score: 0.9 }, { to: 'y', score: 0.8 }]],
        ['b', [{ to: 'x', score: 0.95 }, { to: 'y', score: 0.5 }]],
      ]),
    );
    expect([...guesses]).toEqual([
      ['b', { to: 'x', score: 0.95 }],
      ['a', { to: 'y', score: 0.8 }],
    ]);
  });

  it('never guesses below the threshold nor uses a field twice, whatever the scores', () => {
    const scores = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.array(fc.record({ to: fc.constantFrom('x', 'y', 'z'), score: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 4 }));
    fc.assert(
      fc.property(scores, (table) => {
        const guesses = [...guessRenames(new Map(Object.entries(table)))];
        const targets = guesses.map(([, guess]) => guess.to);
        expect(new Set(targets).size).toBe(targets.length);
        for (const [from, guess] of guesses) {
          expect(guess.score).toBeGreaterThanOrEqual(RENAME_THRESHOLD);
          expect(table[from]).toContainEqual(guess);
        }
      }),
    );
  });
});

describe('renameCandidates', () => {
  it('ranks compatible added fields best first and leaves incompatible ones out', () => {
    const old = field('integral', 'number', ['m:update', 's:this.$ += e;']);
    const ranked = renameCandidates(old, [field('flag', 'boolean', ['m:update', 's:this.$ += e;']), field('other', 'number', ['m:update']), field('sum', 'number', ['m:update', 's:this.$ += e;'])]);
    expect(ranked.map((c) => c.to)).toEqual(['sum', 'other']);
  });
});
