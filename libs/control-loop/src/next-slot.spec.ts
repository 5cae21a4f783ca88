import { nextSlot } from './next-slot';

describe('nextSlot (overrun policy)', () => {
  it('follows a tick that ended in time with the next slot', () => {
    expect(nextSlot(0, 0.01, 0, 1)).toBe(1);
    expect(nextSlot(3, 3.999, 0, 1)).toBe(4);
    expect(nextSlot(3, 4, 0, 1)).toBe(4); // ending exactly on the deadline is in time
  });

  it('skips every slot whose time has passed, and no more', () => {
    expect(nextSlot(3, 4.0001, 0, 1)).toBe(5);
    expect(nextSlot(3, 6.5, 0, 1)).toBe(7);
    expect(nextSlot(3, 7, 0, 1)).toBe(7);
  });

  it('keeps to the grid of the origin and period, across rounding', () => {
    expect(nextSlot(10, 130.2, 100, 2.5)).toBe(13);
    expect(nextSlot(1, 0.1 + 0.2, 0, 0.1)).toBe(3); // 0.30000000000000004 is slot 3's time
  });
});
