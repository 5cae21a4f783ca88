import { ControllerUsageError, parseControllerArgs } from './controller-args';

describe('live-development options of the command line', () => {
  it('defaults to no live development and a 2 s gate horizon', () => {
    expect(parseControllerArgs([])).toMatchObject({ devDir: undefined, devHorizonS: 2, devRenames: { rename: {}, noRename: [] } });
  });

  it('reads --dev, --dev-horizon, --rename and --no-rename', () => {
    expect(parseControllerArgs(['--dev', 'libs/behaviours/src', '--dev-horizon', '0.5', '--rename', 'Pid.integral=integralSum', '--no-rename', 'Pid.output'])).toMatchObject({
      devDir: 'libs/behaviours/src',
      devHorizonS: 0.5,
      devRenames: { rename: { 'Pid.integral': 'integralSum' }, noRename: ['Pid.output'] },
    });
  });

  it.each([
    [['--dev', ''], "--dev must name the folder of the behaviour sources, got ''"],
    [['--dev', 'src', '--dev-horizon', '0'], "--dev-horizon must be a positive number of seconds, got '0'"],
    [['--dev', 'src', '--dev-horizon', 'long'], "--dev-horizon must be a positive number of seconds, got 'long'"],
    [['--dev-horizon', '2'], '--dev-horizon applies to --dev; give the folder to watch'],
    [['--rename', 'Pid.a=b'], '--rename applies to --dev; give the folder to watch'],
    [['--dev', 'src', '--rename', 'integral=sum'], "parseRenameChoices failed: --rename 'integral=sum' is not Class.old=new (e.g. Pid.integral=integralSum)"],
  ])('refuses %j naming the option', (argv, message) => {
    expect(() => parseControllerArgs(argv)).toThrow(new ControllerUsageError(`parseControllerArgs failed: ${message}`));
  });
});
