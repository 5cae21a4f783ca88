import { telemetryArgs } from './telemetry-args';

const usage = (message: string) => new Error(message);

describe('telemetryArgs', () => {
  it('serves the dashboard on 8080 and records nothing by default', () => {
    expect(telemetryArgs({}, usage)).toEqual({ dashboardPort: 8080, recordPath: undefined });
  });

  it('takes a port (0: any free one), --no-dashboard and a recording', () => {
    expect(telemetryArgs({ 'dashboard-port': '0', record: 'run.mcap' }, usage)).toEqual({ dashboardPort: 0, recordPath: 'run.mcap' });
    expect(telemetryArgs({ 'no-dashboard': true }, usage)).toEqual({ dashboardPort: undefined, recordPath: undefined });
  });

  it.each([
    [{ 'dashboard-port': '80a' }, /--dashboard-port must be a port number/],
    [{ 'dashboard-port': '65536' }, /--dashboard-port must be a port number/],
    [{ 'dashboard-port': '-1' }, /--dashboard-port must be a port number/],
    [{ 'dashboard-port': '8080', 'no-dashboard': true }, /contradict/],
    [{ record: '' }, /--record must name a file/],
  ])('refuses %p', (values, message) => {
    expect(() => telemetryArgs(values, usage)).toThrow(message);
  });
});
