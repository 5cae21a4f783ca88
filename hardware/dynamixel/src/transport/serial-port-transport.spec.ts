import { MockBinding } from '@serialport/binding-mock';
import { createMotorReadings } from '@tickswap/motor-bus';
import { ManualDeadlineTimer, settle } from '../../test/manual-deadline-timer';
import { mockSerialPort } from '../../test/mock-binding-device';
import { expectGoalsEchoed } from '../../test/round-trip';
import { DynamixelBus } from '../bus/dynamixel-bus';
import { openDynamixelBus } from '../bus/open-dynamixel-bus';
import { XM430_W210 } from '../control-table/dynamixel-model';
import { XSeries } from '../control-table/x-series';
import { DynamixelPortError, SerialPortListError, type BusLostError } from '../errors';
import { ServoResponder } from '../responder/servo-responder';
import { listSerialPorts } from './list-serial-ports';
import { SerialPortTransport } from './serial-port-transport';

const motors = [
  { id: 1, model: XM430_W210 },
  { id: 2, model: XM430_W210 },
];
// Deadlines never pass on their own and time stands still: a loaded test machine must not
// turn into a timeout or look like a controller gone quiet.
const busOptions = { motors, baudRate: 1_000_000, maxVelocity: 5, clock: () => 0 };

describe('SerialPortTransport on @serialport/binding-mock', () => {
  afterEach(() => MockBinding.reset());

  it('carries start, a sync write and a sync read through the serialport stream', async () => {
    const { port, device } = await mockSerialPort('/dev/ROBOT');
    const responder = new ServoResponder(device, motors);
    const bus = new DynamixelBus({ ...busOptions, transport: new SerialPortTransport(port), timer: new ManualDeadlineTimer() });
    await bus.start();
    await expectGoalsEchoed(bus, [1, -1]);
    expect(responder.table(2).get(XSeries.torqueEnable)).toBe(1);
    await bus.close();
    expect(port.isOpen).toBe(false);
    await settle(); // the mock device hears the stop broadcasts a turn after they left the host
    expect(responder.table(2).get(XSeries.torqueEnable)).toBe(0);
  });

  it('reports the port closing under a running bus as a lost bus, without an exception', async () => {
    const { port, device } = await mockSerialPort('/dev/ROBOT');
    new ServoResponder(device, motors);
    const lost: BusLostError[] = [];
    const bus = new DynamixelBus({
      ...busOptions,
      transport: new SerialPortTransport(port),
      timer: new ManualDeadlineTimer(),
      onLost: (error) => lost.push(error),
    });
    await bus.start();
    await new Promise<void>((resolve) => port.close(() => resolve()));
    expect(lost.map((error) => error.reason)).toEqual(['the port closed']);
    expect(await bus.read(createMotorReadings(2))).toBe('fault');
  });

  it('fails to open a missing device with a DynamixelPortError saying what to check', async () => {
    await expect(SerialPortTransport.open({ path: '/dev/tickswap-no-such-port', baudRate: 1_000_000 })).rejects.toThrow(DynamixelPortError);
    await expect(SerialPortTransport.open({ path: '/dev/tickswap-no-such-port', baudRate: 1_000_000 })).rejects.toThrow(
      /^SerialPortTransport.open failed: cannot open \/dev\/tickswap-no-such-port at 1000000 baud: .*check the path/,
    );
    await expect(openDynamixelBus({ ...busOptions, path: '/dev/tickswap-no-such-port' })).rejects.toThrow(DynamixelPortError);
  });
});

describe('listSerialPorts', () => {
  it('turns a missing udevadm into an error that says what to install', async () => {
    const missingUdev = () => Promise.reject(Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' }));
    await expect(listSerialPorts(missingUdev)).rejects.toThrow(SerialPortListError);
    await expect(listSerialPorts(missingUdev)).rejects.toThrow('install udev (apt-get install udev) or give the device path');
    await expect(listSerialPorts(() => Promise.resolve([]))).resolves.toEqual([]);
  });

  it('either lists the ports of this machine or says why not', async () => {
    const result = await listSerialPorts().catch((error: unknown) => error);
    expect(Array.isArray(result) || result instanceof SerialPortListError).toBe(true);
  });
});
