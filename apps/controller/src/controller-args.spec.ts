import { ControllerUsageError, parseControllerArgs } from './controller-args';

describe('parseControllerArgs', () => {
  it('defaults to 1 kHz precise timing on the reference robot, running until stopped', () => {
    const args = parseControllerArgs([]);
    expect(args).toMatchObject({ help: false, rateHz: 1000, timing: 'precise', durationS: undefined, sideLength: 1, bus: 'sim', device: undefined, baudRate: undefined, replyMarginMicros: undefined });
    expect(args.robotPath).toMatch(/reference-diff-drive\.json$/);
  });

  it('reads every option', () => {
    const args = parseControllerArgs(['--rate', '500', '--timing', 'efficient', '--side', '2', '--duration', '1.5', '--robot', 'r.json']);
    expect(args).toMatchObject({ rateHz: 500, timing: 'efficient', sideLength: 2, durationS: 1.5, robotPath: 'r.json' });
    expect(parseControllerArgs(['--bus', 'pty', '--baud', '57600'])).toMatchObject({ bus: 'pty', device: undefined, baudRate: 57_600 });
    expect(parseControllerArgs(['--bus', 'serial'])).toMatchObject({ bus: 'serial', device: undefined });
    expect(parseControllerArgs(['--bus', 'pty', '--reply-margin', '0.5'])).toMatchObject({ replyMarginMicros: 500 });
  });

  it('takes --device as a serial bus', () => {
    expect(parseControllerArgs(['--device', '/dev/ttyUSB0', '--baud', '1000000'])).toMatchObject({
      bus: 'serial',
      device: '/dev/ttyUSB0',
      baudRate: 1_000_000,
    });
  });

  it.each([
    [['--rate', 'fast'], /--rate must be a positive number of ticks per second, got 'fast'/],
    [['--rate=-5'], /--rate must be a positive number/],
    [['--duration', '0'], /--duration must be a positive number of seconds/],
    [['--timing', 'realtime'], /--timing must be one of precise, balanced, efficient, got 'realtime'/],
    [['--speed', '3'], /Unknown option '--speed'.*see --help/],
    [['--bus', 'can'], /--bus must be one of sim, pty, serial, got 'can'/],
    [['--bus', 'pty', '--device', '/dev/ttyUSB0'], /--device applies to --bus serial, not --bus pty; drop one of them/],
    [['--baud', '1000000'], /--baud applies to a serial bus \(--bus pty or serial\), got '1000000'/],
    [['--bus', 'serial', '--baud', '1e6.5'], /--baud must be a positive number of bits per second, got '1e6.5'/],
    [['--bus', 'serial', '--baud', '57600.5'], /--baud must be a whole number of bits per second, got '57600.5'/],
    [['--reply-margin', '5'], /--reply-margin applies to a serial bus \(--bus pty or serial\), got '5'/],
    [['--bus', 'pty', '--reply-margin=-1'], /--reply-margin must be a positive number of milliseconds, got '-1'/],
    [['extra'], /positional argument.*see --help/],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseControllerArgs(argv)).toThrow(ControllerUsageError);
    expect(() => parseControllerArgs(argv)).toThrow(message);
  });
});
