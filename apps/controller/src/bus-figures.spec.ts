import { formatBusFigures } from './bus-figures';

describe('formatBusFigures', () => {
  it('shows faulted transfers and clamped commands', () => {
    expect(formatBusFigures({ transfers: 2000, faults: 3, clampedCommands: 41 })).toBe('bus faults 3 | clamped 41');
  });
});
