import { join } from 'node:path';

/**
 * Path of the reference robot's description: a two-wheeled differential
 * drive on two XM430-W350 velocity servos (ids 1 left, 2 right, mirrored),
 * on a 1 Mbaud serial bus at /dev/ttyUSB0 with a 100 ms bus watchdog.
 *
 * @example
 * const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
 */
export const REFERENCE_ROBOT_PATH = join(__dirname, '..', 'descriptions', 'reference-diff-drive.json');
