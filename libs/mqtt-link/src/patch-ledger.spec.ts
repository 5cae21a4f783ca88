import { PatchLedger } from './patch-ledger';

describe('PatchLedger', () => {
  it('tells a copy that arrived before the first was done (duplicate) from one after (replay)', () => {
    const ledger = new PatchLedger(10);
    expect(ledger.seen('p1', 1)).toBeUndefined();
    ledger.finish('p1', 3);
    expect(ledger.seen('p1', 2)).toBe('duplicate');
    expect(ledger.seen('p1', 3)).toBe('duplicate');
    expect(ledger.seen('p1', 4)).toBe('replay');
    expect(ledger.seen('p2', 4)).toBeUndefined();
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const ledger = new PatchLedger(2);
    ledger.finish('a', 1);
    ledger.finish('b', 2);
    ledger.finish('c', 3);
    expect([ledger.seen('a', 9), ledger.seen('b', 9), ledger.seen('c', 9)]).toEqual([undefined, 'replay', 'replay']);
  });
});
