// 1 % of the bytes damaged both ways on the servos' end of an in-memory line,
// on virtual time: every read whose request or replies were damaged must come
// back a counted fault, every other read 'ok', and nothing may throw. The
// damage is seeded, so the same bytes are hit every run.
import { settle } from '../test/turn-deadline-timer';
import { virtualRobotFixture } from '../test/virtual-robot-fixture';
import { CorruptingTransport, type CorruptionCounts } from './corrupting-transport';

const TICKS = 1500;

describe('VirtualServos behind a line that damages 1 % of the bytes', () => {
  it('make the bus detect every damaged frame: a read faults exactly when its request or replies were hit', async () => {
    let line: CorruptingTransport | undefined;
    const { bus, readings, commands, servos, at } = virtualRobotFixture({
      wrap: (device) => (line = new CorruptingTransport(device, { rate: 0.01, seed: 2025 })),
      // Faults are expected here: the bus must count them, not give up.
      bus: { maxConsecutiveFaults: TICKS },
    });
    const noisy = line as CorruptingTransport;
    const counts = noisy.counts;
    // Start on a clean line; the damage begins with the loop.
    noisy.rate = 0;
    await bus.start();
    noisy.rate = 0.01;

    let damagedReads = 0;
    let faultedReads = 0;
    const mismatches: number[] = [];
    for (let tick = 1; tick <= TICKS; tick++) {
      at(tick / 1000);
      const before: CorruptionCounts = { ...counts };
      const outcome = await bus.read(readings);
      const damaged = counts.receivedChunks > before.receivedChunks || counts.sentWrites > before.sentWrites;
      if (damaged) damagedReads++;
      if (outcome === 'fault') faultedReads++;
      if ((outcome === 'fault') !== damaged) mismatches.push(tick);
      commands.velocity.set([Math.sin(tick / 200), -Math.sin(tick / 200)]);
      bus.write(commands);
      await settle();
    }

    expect(mismatches).toEqual([]);
    expect(damagedReads).toBeGreaterThan(TICKS * 0.2);
    expect(faultedReads).toBe(damagedReads);
    const statistics = bus.statistics();
    expect(statistics.faults).toBe(faultedReads);
    expect(statistics.crcFaults + statistics.timeouts).toBe(faultedReads);
    expect(statistics.parser.crcErrors + statistics.parser.lengthErrors).toBeGreaterThan(0);
    expect(servos.responder.received.crcErrors + servos.responder.received.lengthErrors).toBeGreaterThan(0);
    expect(bus.state).toBe('running');
  });
});
