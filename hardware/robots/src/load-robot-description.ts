import { readFileSync } from 'node:fs';
import { parseRobotDescription } from './parse-robot-description';
import type { RobotDescription } from './robot-description';
import { RobotDescriptionError } from './robot-description-error';

const METHOD = 'loadRobotDescription';

/**
 * Reads and validates the robot description in a JSON file (see
 * {@link parseRobotDescription}). Reads synchronously: call it at start-up,
 * never in the control loop.
 *
 * @throws RobotDescriptionError naming the file and, for a bad field, the field:
 *   `loadRobotDescription failed: robot.json: motors[1].id must be unique (...)`
 * @example
 * const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);
 */
export function loadRobotDescription(path: string): RobotDescription {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RobotDescriptionError(
      METHOD,
      `cannot read ${path} (${(error as Error).message}); check the path`,
      undefined,
      { cause: error },
    );
  }
  try {
    return parseRobotDescription(text);
  } catch (error) {
    if (!(error instanceof RobotDescriptionError)) throw error;
    throw new RobotDescriptionError(METHOD, `${path}: ${error.problem}`, error.field, { cause: error });
  }
}
