import { warmUpUpdates } from './warm-up-updates';

describe('warmUpUpdates', () => {
  it('runs throwaway updates under every policy and leaves nothing behind', () => {
    expect(() => warmUpUpdates(3)).not.toThrow();
    expect(() => warmUpUpdates(0)).not.toThrow();
  });
});
