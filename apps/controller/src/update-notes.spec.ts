import { Behaviour } from '@tickswap/behaviours';
import { compose, type PatchStep } from '@tickswap/dsu';
import { UpdateNotes } from './update-notes';

class Probe extends Behaviour<number, number> {
  static readonly fields = ['n'] as const;
  n = 0;
  update(): number {
    return this.n;
  }
}

const step = (from: number): PatchStep => ({ from: String(from), to: String(from + 1), classes: { [`Probe${from}`]: { kind: 'add', code: Probe } } });

describe('UpdateNotes', () => {
  it('words the declared changes of an admitted patch, then its verdict', () => {
    const notes = new UpdateNotes();
    notes.admit('p1', step(0), 'the simulator gate accepted 0 -> 1');
    expect(notes.of('p1')).toEqual(['Probe0: add (fields n)', 'the simulator gate accepted 0 -> 1']);
    expect(notes.of('never-admitted')).toBeUndefined();
  });

  it('does not describe a composed patch step by step', () => {
    const notes = new UpdateNotes();
    notes.admit('both', compose(step(0), step(1)), 'accepted');
    expect(notes.of('both')).toEqual(['2 composed steps', 'accepted']);
  });

  it('keeps the notes of the latest 32 updates only', () => {
    const notes = new UpdateNotes();
    for (let i = 0; i < 40; i++) notes.admit(`p${i}`, step(i), 'accepted');
    expect(notes.of('p7')).toBeUndefined();
    expect(notes.of('p8')).toBeDefined();
    expect(notes.of('p39')).toBeDefined();
  });
});
