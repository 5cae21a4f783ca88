// `npm start`: the controller on the simulated robot (or, with --bus/--device,
// over serial) at 1 kHz with a live status line. Ctrl-C, --duration, a lost bus
// or an uncaught error stops it with the motors at zero.
import { SquareMission } from '@tickswap/behaviours';
import { PreciseScheduler } from '@tickswap/control-loop';
import { loadRobotDescription } from '@tickswap/robots';
import { formatBusFigures } from './bus-figures';
import { BASE_VERSION, Controller } from './controller';
import { CONTROLLER_USAGE, ControllerUsageError, parseControllerArgs } from './controller-args';
import { openMotorBus, stopOnBusLost } from './motor-bus-choice';
import { startMqttAgent } from './mqtt-agent';
import { formatStatus, recentFigures } from './status-line';
import { ControllerGate } from './controller-gate';
import { startControllerTelemetry } from './controller-telemetry';
import { BundleStore } from './bundle-store';
import { restoreUpdates } from './restore-updates';
import { loadTrustedKeys } from './trusted-keys';
import { followUpdates } from './update-agent';
import { startDevMode } from './dev-mode';

const STATUS_INTERVAL_MS = 250;

async function main(): Promise<number> {
  const args = parseControllerArgs(process.argv.slice(2));
  if (args.help) {
    console.log(CONTROLLER_USAGE);
    return 0;
  }
  const robot = loadRobotDescription(args.robotPath);
  // Before any motor is touched: a robot that cannot come back on its last committed version does not start.
  // Said once the controller starts: a robot that refuses to start prints nothing but why.
  const trustNotes: string[] = [];
  const trustedKeys = await loadTrustedKeys(args.trustPath, (line) => trustNotes.push(line));
  const restored = await restoreUpdates(args.journalPath, BASE_VERSION, trustedKeys);
  const scheduler = new PreciseScheduler({ mode: args.timing });
  const choice = await openMotorBus(args, robot, scheduler);
  const mission = new SquareMission(robot, { sideLength: args.sideLength });
  const maxVelocity = robot.motors.map((motor) => motor.limits.maxVelocity);
  const hotSwap = args.watchMissedTicks === undefined ? {} : { maxMissedTicks: args.watchMissedTicks };
  const controller = new Controller({ bus: choice.bus, behaviour: mission, scheduler, rateHz: args.rateHz, maxVelocity, updates: restored.patches, hotSwap });
  const { loop } = controller;

  const interactive = process.stdout.isTTY === true;
  let lastPrinted = 0;
  const showStatus = (final = false): void => {
    const pose = choice.groundTruth ?? mission.odometry.pose;
    const line = `${formatStatus(recentFigures(loop.records, loop.statistics()), pose)} | ${formatBusFigures(choice.bus.statistics())}`;
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
  let failure: string | undefined;
  stopOnBusLost(choice, controller, (message) => {
    failure = 'bus lost';
    process.stdout.write(`${interactive ? '\n' : ''}${message}\n`);
  });
  process.on('uncaughtException', (error) => {
    failure = 'uncaught error';
    console.error(`uncaught error, stopping the motors: ${error.stack ?? error.message}`);
    stop();
  });
  console.log(`tickswap controller: ${robot.name} (${choice.label}) at ${args.rateHz} Hz, ${args.timing} timing; Ctrl-C stops`);
  if (restored.message !== undefined) console.log(restored.message);
  for (const note of trustNotes) console.log(note);
  const print = (line: string): void => void process.stdout.write(`${interactive ? '\n' : ''}${line}\n`);
  // Every patch (--patch or over MQTT) is proven on the simulator, from a copy of the live state, before its update is prepared.
  // Live development gates every save on a short horizon: the engineer waits for it.
  const gateOptions = args.devDir === undefined ? {} : { options: { horizonS: args.devHorizonS } };
  const gate = new ControllerGate(controller, { robot, restored, base: BASE_VERSION, print, ...gateOptions });
  await gate.start();
  // Statistics, update windows, the dashboard and /metrics, the recording: all off the loop.
  const telemetry = await startControllerTelemetry(controller, { ...args, pose: choice.groundTruth ?? mission.odometry.pose, print, notesOf: (id) => gate.notes.of(id) }).catch(async (error: unknown) => {
    await gate.close();
    await choice.close();
    throw error;
  });
  // Patches over MQTT: the loop runs whatever the broker does; a trust list that cannot be read stops the start.
  const stopMqtt = await startMqttAgent(controller, { ...args, print, gate, trustedKeys, store: new BundleStore(args.journalPath), telemetry: telemetry.telemetry }).catch(async (error: unknown) => {
    await telemetry.close();
    await choice.close();
    throw error;
  });
  await controller.start().catch(async (error: unknown) => {
    await telemetry.close();
    await stopMqtt();
    await gate.close();
    await choice.close();
    throw error;
  });
  const closeUpdates = await followUpdates(controller, { ...args, print, gate });
  const closeDev = await startDevMode(controller, { ...args, print, gate });
  const status = setInterval(showStatus, STATUS_INTERVAL_MS);
  const timeout = args.durationS === undefined ? undefined : setTimeout(stop, args.durationS * 1000);

  const reason = await controller.stopped;
  // The last figures and the recording's index, while the fleet can still hear them.
  await telemetry.close();
  // After the motors: the fleet then sees the robot offline.
  await stopMqtt();
  await closeDev();
  await closeUpdates();
  await gate.close();
  await choice.close();
  clearInterval(status);
  clearTimeout(timeout);
  showStatus(true);
  if (failure === 'bus lost') console.log('stopped (bus lost): motors commanded to zero where the bus still reached them; their bus watchdog stops the rest');
  else console.log(`stopped (${failure ?? reason}): motors commanded to zero, torque off`);
  return reason === 'requested' && failure === undefined ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usage = error instanceof ControllerUsageError;
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(usage ? 2 : 1);
  },
);
