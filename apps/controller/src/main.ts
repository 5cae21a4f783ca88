// `npm start`: the controller on the simulated robot at 1 kHz with a live
// status line. Ctrl-C (or --duration) stops it with the motors at zero.
import { PreciseScheduler } from '@tickswap/control-loop';
import { loadRobotDescription } from '@tickswap/robots';
import { CONTROLLER_USAGE, ControllerUsageError, parseControllerArgs } from './controller-args';
import { createSimulatedController } from './simulated-controller';
import { formatStatus, recentFigures } from './status-line';

const STATUS_INTERVAL_MS = 250;

async function main(): Promise<number> {
  const args = parseControllerArgs(process.argv.slice(2));
  if (args.help) {
    console.log(CONTROLLER_USAGE);
    return 0;
  }
  const robot = loadRobotDescription(args.robotPath);
  const scheduler = new PreciseScheduler({ mode: args.timing });
  const { controller, bus } = createSimulatedController({ robot, scheduler, rateHz: args.rateHz, sideLength: args.sideLength });
  const { loop } = controller;

  const interactive = process.stdout.isTTY === true;
  let lastPrinted = 0;
  const showStatus = (final = false): void => {
    const line = formatStatus(recentFigures(loop.records, loop.statistics()), bus.pose());
    if (interactive) process.stdout.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else if (final || scheduler.now() - lastPrinted >= 1000) {
      lastPrinted = scheduler.now();
      console.log(line);
    }
  };

  let lastFaultMessage = '';
  loop.errors$.subscribe((error) => {
    if (error.message === lastFaultMessage) return; // one line per kind of fault, not one per tick
    lastFaultMessage = error.message;
    process.stdout.write(`${interactive ? '\n' : ''}tick fault: ${error.message}\n`);
  });

  // Repeated Ctrl-C must not kill the process before the motors are stopped.
  const stop = (): void => void controller.stop();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`tickswap controller: ${robot.name} (simulated) at ${args.rateHz} Hz, ${args.timing} timing; Ctrl-C stops`);
  await controller.start();
  const status = setInterval(showStatus, STATUS_INTERVAL_MS);
  const timeout = args.durationS === undefined ? undefined : setTimeout(stop, args.durationS * 1000);

  const reason = await controller.stopped;
  clearInterval(status);
  clearTimeout(timeout);
  showStatus(true);
  console.log(`stopped (${reason}): motors commanded to zero, torque off`);
  return reason === 'requested' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage = error instanceof ControllerUsageError;
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(usage ? 2 : 1);
  },
);
