import { ControllerUsageError, parseControllerArgs } from './controller-args';

describe('the MQTT options of the controller', () => {
  it('defaults to robot sim-1 on an embedded broker at port 1883, keys from ~/.tickswap', () => {
    expect(parseControllerArgs([])).toMatchObject({ robotId: 'sim-1', broker: undefined, brokerPort: 1883, trustPath: undefined });
  });

  it('takes an external broker, its login and a trust list', () => {
    const args = parseControllerArgs(['--broker', 'mqtt://fleet:1883', '--broker-user', 'r7', '--robot-id', 'r7', '--trust', 'keys']);
    expect(args).toMatchObject({ robotId: 'r7', broker: { url: 'mqtt://fleet:1883', username: 'r7' }, trustPath: 'keys' });
  });

  it.each([
    [['--robot-id', 'a/b'], /--robot-id/],
    [['--robot-id', '+'], /--robot-id/],
    [['--broker-port', '70000'], /--broker-port must be a port number/],
    [['--broker-port', 'x'], /--broker-port must be a port number/],
    [['--broker', 'http://fleet'], /mqtt:\/\/host:port/],
    [['--broker', 'mqtt://fleet:1883', '--broker-port', '1884'], /give one of them/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseControllerArgs(argv)).toThrow(ControllerUsageError);
    expect(() => parseControllerArgs(argv)).toThrow(message);
  });
});
