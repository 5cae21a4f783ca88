import { CliUsageError, dispatch, usage, type Command } from './commands';

const calls: string[][] = [];
const echo: Command = {
  summary: 'records its arguments',
  run: async (args) => {
    calls.push([...args]);
    return 7;
  },
};

describe('tickswap command dispatch', () => {
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('runs the named command with the rest of the arguments and returns its status', async () => {
    await expect(dispatch({ echo }, ['echo', '--x', '1'])).resolves.toBe(7);
    expect(calls.at(-1)).toEqual(['--x', '1']);
  });

  it('prints help: status 0 when asked for, 2 when no command was given', async () => {
    await expect(dispatch({ echo }, ['--help'])).resolves.toBe(0);
    await expect(dispatch({ echo }, [])).resolves.toBe(2);
    expect(usage({ echo })).toContain('  echo  records its arguments');
  });

  it('refuses an unknown command and lists the known ones', async () => {
    await expect(dispatch({ echo }, ['fly'])).rejects.toThrow(CliUsageError);
    await expect(dispatch({ echo }, ['fly'])).rejects.toThrow("tickswap: unknown command 'fly'; known: echo");
  });
});
