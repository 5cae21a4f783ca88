// End to end through the real serialport stack: a socat pseudo-terminal pair,
// the test responder on one end, the driver on the other. socat is required
// (npm test and CI install it): without it openPtyPair fails saying what to install.
import { expectGoalsEchoed } from '../../test/round-trip';
import { openDynamixelBus } from '../bus/open-dynamixel-bus';
import { XM430_W210 } from '../control-table/dynamixel-model';
import { XSeries } from '../control-table/x-series';
import { ServoResponder } from '../responder/servo-responder';
import { openPtyPair } from './pty-pair';
import { SerialPortTransport } from './serial-port-transport';

const motors = [
  { id: 1, model: XM430_W210 },
  { id: 2, model: XM430_W210 },
];

describe('DynamixelBus over a socat pseudo-terminal pair', () => {
  it('pings, starts, and round-trips a sync write and a sync read', async () => {
    const pty = await openPtyPair();
    try {
      const device = await SerialPortTransport.open({ path: pty.paths[0], baudRate: 1_000_000 });
      const responder = new ServoResponder(device, motors);
      responder.table(2).set(XSeries.presentPosition, 1024);
      // Generous margin and a still clock: this checks the data path, not latency (the benchmark measures that).
      const bus = await openDynamixelBus({ path: pty.paths[1], motors, baudRate: 1_000_000, maxVelocity: 5, replyMarginMicros: 1_000_000, clock: () => 0 });
      await bus.start();
      expect(responder.table(1).get(XSeries.torqueEnable)).toBe(1);
      const readings = await expectGoalsEchoed(bus, [2, -3]);
      expect(readings.position[1]).toBeCloseTo(Math.PI / 2, 12);
      await bus.close();
      await device.close();
      expect(bus.statistics()).toMatchObject({ faults: 0, parser: { droppedBytes: 0 } });
    } finally {
      await pty.close();
    }
  });
});
