import { ControllerUsageError, parseControllerArgs } from './controller-args';

describe('hot-swap options of the command line', () => {
  it('defaults to no patch, 1 s, the prepared policy and tickswap-updates.log', () => {
    expect(parseControllerArgs([])).toMatchObject({ patches: [], applyAfterS: 1, policy: 'prepared', journalPath: 'tickswap-updates.log', watchMissedTicks: undefined });
  });

  it('reads --patch (repeatable), --apply-after, --policy and --journal', () => {
    const args = parseControllerArgs(['--patch', 'pid-integral-limit', '--patch', 'b.ts', '--apply-after', '2.5', '--policy', 'lazy', '--journal', '/var/lib/robot/updates.log']);
    expect(args).toMatchObject({ patches: ['pid-integral-limit', 'b.ts'], applyAfterS: 2.5, policy: 'lazy', journalPath: '/var/lib/robot/updates.log' });
  });

  it('reads --watch-missed', () => {
    expect(parseControllerArgs(['--watch-missed', '200'])).toMatchObject({ watchMissedTicks: 200 });
  });

  it.each([
    [['--apply-after=-1'], "--apply-after must be a number of seconds >= 0, got '-1'"],
    [['--apply-after', 'soon'], "--apply-after must be a number of seconds >= 0, got 'soon'"],
    [['--policy', 'sometimes'], "--policy must be one of prepared, eager, lazy, got 'sometimes'"],
    [['--journal', ''], "--journal must name a file, got ''"],
    [['--watch-missed=-1'], "--watch-missed must be a whole number of ticks >= 0, got '-1'"],
    [['--watch-missed', 'many'], "--watch-missed must be a whole number of ticks >= 0, got 'many'"],
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => parseControllerArgs(argv)).toThrow(new ControllerUsageError(`parseControllerArgs failed: ${message}`));
  });
});
