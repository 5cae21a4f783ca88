import { RobotIdError } from './errors';

/** First levels of every tickswap topic; `v1` changes only with an incompatible message schema. */
export const TOPIC_ROOT = 'tickswap/v1';

/** The topics of one robot (see the design's "Patches over MQTT"). */
export interface RobotTopics {
  /** To the robot, QoS 1: signed patch bundles. */
  readonly patch: string;
  /** From the robot, QoS 1: one message per patch per stage. */
  readonly result: string;
  /** From the robot, retained: running version, loop rate, uptime, last update; `offline` as last will. */
  readonly status: string;
  /** From the robot, QoS 0: tick statistics once a second and tick windows around commits. */
  readonly ticks: string;
}

/** Subscribes to the status of every robot (what `listRobots` reads). */
export const ALL_STATUS_TOPICS = `${TOPIC_ROOT}/+/status`;

const ROBOT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Throws {@link RobotIdError} unless `robot` can be both a topic level and a
 * broker user name (the fleet ACL matches `%u` against it): 1 to 64
 * characters of `A-Z a-z 0-9 . _ -`, starting with a letter or digit.
 *
 * @example
 * checkRobotId('wheelie-7'); // returns 'wheelie-7'
 * checkRobotId('+');         // throws RobotIdError
 */
export function checkRobotId(robot: string, method = 'checkRobotId'): string {
  if (ROBOT_ID.test(robot)) return robot;
  const bad = [...robot].find((c) => !/[A-Za-z0-9._-]/.test(c));
  const why =
    robot.length === 0
      ? 'it is empty'
      : robot.length > 64
        ? `it has ${robot.length} characters (at most 64)`
        : bad !== undefined
          ? `it contains ${JSON.stringify(bad)}: topic wildcards '+' and '#', the level separator '/' and anything outside A-Z a-z 0-9 . _ - are refused`
          : 'it must start with a letter or a digit';
  throw new RobotIdError(`${method} failed: robot id ${JSON.stringify(robot)} is unusable because ${why}; rename the robot`);
}

/**
 * The topics of robot `robot` (checked with {@link checkRobotId}).
 *
 * @example
 * topicsOf('wheelie-7').patch; // 'tickswap/v1/wheelie-7/patch'
 */
export function topicsOf(robot: string): RobotTopics {
  const base = `${TOPIC_ROOT}/${checkRobotId(robot, 'topicsOf')}`;
  return { patch: `${base}/patch`, result: `${base}/result`, status: `${base}/status`, ticks: `${base}/ticks` };
}

/**
 * The robot id of a tickswap topic, `undefined` for any other topic.
 *
 * @example
 * robotOfTopic('tickswap/v1/wheelie-7/status'); // 'wheelie-7'
 */
export function robotOfTopic(topic: string): string | undefined {
  const levels = topic.split('/');
  const robot = levels[2];
  if (levels.length !== 4 || `${levels[0]}/${levels[1]}` !== TOPIC_ROOT || robot === undefined) return undefined;
  return ROBOT_ID.test(robot) ? robot : undefined;
}
