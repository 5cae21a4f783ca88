import { ControllerUsageError, parseControllerArgs } from './controller-args';

describe('parseControllerArgs', () => {
  it('defaults to 1 kHz precise timing on the reference robot, running until stopped', () => {
    const args = parseControllerArgs([]);
    expect(args).toMatchObject({ help: false, rateHz: 1000, timing: 'precise', durationS: undefined, sideLength: 1 });
    expect(args.robotPath).toMatch(/reference-diff-drive\.json$/);
  });

  it('reads every option', () => {
    const args = parseControllerArgs(['--rate', '500', '--timing', 'efficient', '--side', '2', '--duration', '1.5', '--robot', 'r.json']);
    expect(args).toMatchObject({ rateHz: 500, timing: 'efficient', sideLength: 2, durationS: 1.5, robotPath: 'r.json' });
  });

  it.each([
    [['--rate', 'fast'], /--rate must be a positive number of ticks per second, got 'fast'/],
    [['--rate=-5'], /--rate must be a positive number/],
    [['--duration', '0'], /--duration must be a positive number of seconds/],
    [['--timing', 'realtime'], /--timing must be one of precise, balanced, efficient, got 'realtime'/],
    [['--speed', '3'], /Unknown option '--speed'.*see --help/],
    [['extra'], /positional argument.*see --help/],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseControllerArgs(argv)).toThrow(ControllerUsageError);
    expect(() => parseControllerArgs(argv)).toThrow(message);
  });
});
