import { listRobots, type ListedRobot } from '@tickswap/mqtt-link';
import { BROKER_OPTION_NAMES, brokerChoice } from './broker-choice';
import { subcommand } from './command-group';

function robotLine(entry: ListedRobot): string {
  if (!('status' in entry)) return `${entry.robot}  unreadable status: ${entry.problem}`;
  const { status } = entry;
  if (status.state === 'offline') return `${entry.robot}  offline (${status.cause}) since ${status.at}`;
  const last = status.lastUpdate === null ? 'no update yet' : `last update ${status.lastUpdate.patchId}: ${status.lastUpdate.outcome} at ${status.lastUpdate.at}`;
  return `${entry.robot}  online  version ${status.version}  ${status.loopHz === null ? '-' : status.loopHz.toFixed(0)} Hz  up ${status.uptimeS.toFixed(0)} s  ${last}`;
}

/**
 * `tickswap status [--broker ...]`: the robots the broker knows, from their
 * retained status: online with version, loop rate, uptime and last update,
 * or offline and why. Exits 0, 1 when the broker cannot be reached.
 *
 * @example
 * tickswap status --broker mqtts://fleet:8883 --broker-ca ca.pem --broker-user operator
 */
export const statusCommand = subcommand({
  name: 'status',
  synopsis: '[--broker <url> ...]',
  summary: "list the robots on a broker with their version and last update (default broker: npm start's)",
  options: BROKER_OPTION_NAMES,
  positionals: 0,
  async run(args) {
    const broker = brokerChoice('status', args);
    const robots = await listRobots(broker);
    if (robots.length === 0) console.log(`no robot has a status on ${broker.url}`);
    for (const entry of robots) console.log(robotLine(entry));
    return 0;
  },
});
