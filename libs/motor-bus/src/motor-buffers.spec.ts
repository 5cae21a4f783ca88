import { createMotorCommands, createMotorReadings } from './motor-buffers';

describe('motor buffers', () => {
  it('allocates one zeroed slot per motor for readings and commands', () => {
    const readings = createMotorReadings(3);
    const commands = createMotorCommands(3);
    expect(Array.from(readings.position)).toEqual([0, 0, 0]);
    expect(readings.velocity).toHaveLength(3);
    expect(readings.current).toHaveLength(3);
    expect(Array.from(commands.velocity)).toEqual([0, 0, 0]);
  });
});
