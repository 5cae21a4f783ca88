// Child process of the `serial` benchmark: on one end of the pseudo-terminal
// pair, plays servos 1..N with physics (the reference robot's motor, each on
// its own shaft) in real time, so the bus under test has its process to
// itself, as with real servos. Answers 'usage' with its CPU time so far.
// Usage: servos-process.ts <path> <count>.
import { dynamixelMotors } from '@tickswap/dynamixel';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { serveVirtualServos, ServoRig, servoParametersOf, VirtualServos } from '@tickswap/virtual-bus';

async function main(): Promise<void> {
  const [path, count] = process.argv.slice(2);
  const motor = loadRobotDescription(REFERENCE_ROBOT_PATH).motors[0];
  const servo = motor === undefined ? undefined : dynamixelMotors([motor])[0];
  if (path === undefined || motor === undefined || servo === undefined) {
    throw new Error('servos-process failed: usage servos-process.ts <path> <count>, with a reference robot that has motors');
  }
  const { model } = servo;
  const ids = Array.from({ length: Number(count) }, (_, index) => index + 1);
  const served = await serveVirtualServos(
    path,
    (transport, clock) =>
      new VirtualServos(transport, {
        servos: ids.map((id) => ({ id, model })),
        simulation: new ServoRig(ids.map(() => servoParametersOf(motor))),
        clock,
      }),
  );
  process.on('message', (message) => {
    if (message === 'usage') process.send?.(process.cpuUsage());
  });
  process.on('disconnect', () => void served.close().then(() => process.exit(0)));
  process.send?.('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
