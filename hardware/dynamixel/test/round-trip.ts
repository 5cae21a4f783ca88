import { createMotorCommands, createMotorReadings, type MotorBus, type MotorReadings } from '@tickswap/motor-bus';

/**
 * One tick the other way round: writes `goals` (rad/s), then reads back, and
 * expects both transfers to succeed and each motor to report its goal (the
 * responder's present velocity follows the goal).
 */
export async function expectGoalsEchoed(bus: MotorBus, goals: readonly number[]): Promise<MotorReadings> {
  const commands = createMotorCommands(bus.motorCount);
  commands.velocity.set(goals);
  expect(bus.write(commands)).toBe('ok');
  const readings = createMotorReadings(bus.motorCount);
  expect(await bus.read(readings)).toBe('ok');
  goals.forEach((goal, index) => expect(readings.velocity[index]).toBeCloseTo(goal, 1));
  return readings;
}
