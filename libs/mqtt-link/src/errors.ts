import type { RejectReason } from './reasons';

/**
 * A robot id that cannot be a topic level or a broker user name: empty, too
 * long, or with a character outside `A-Z a-z 0-9 . _ -` (in particular the
 * MQTT wildcards `+` and `#` and the level separator `/`).
 *
 * @example
 * try { topicsOf('arm/1'); } catch (e) { if (e instanceof RobotIdError) console.error(e.message); }
 */
export class RobotIdError extends Error {
  override readonly name = 'RobotIdError';
}

/**
 * A message that is not what its schema says: not UTF-8 JSON, or a field
 * missing or of the wrong kind. `field` is the dotted path of the offending
 * field (`downtime.boundaryMs`), empty for the whole message.
 *
 * @example
 * try { decodeResultMessage(payload); } catch (e) { if (e instanceof MessageSchemaError) log(e.field); }
 */
export class MessageSchemaError extends Error {
  override readonly name = 'MessageSchemaError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * Broker settings that cannot be used: an unknown URL scheme, a CA, certificate
 * or key file that cannot be read, a password file that is empty.
 *
 * @example
 * new BrokerOptionsError("brokerOptionsFrom failed: --broker-ca '/etc/ca.pem' cannot be read (ENOENT)");
 */
export class BrokerOptionsError extends Error {
  override readonly name = 'BrokerOptionsError';
}

/**
 * The broker could not be reached or refused the connection (bad credentials,
 * not authorised); `code` is the MQTT CONNACK code when the broker answered.
 *
 * @example
 * try { await listRobots(broker); } catch (e) { if (e instanceof BrokerConnectError) console.error(e.message); }
 */
export class BrokerConnectError extends Error {
  override readonly name = 'BrokerConnectError';
  constructor(
    message: string,
    readonly code: number | string | undefined,
  ) {
    super(message);
  }
}

/**
 * A broker could not be started: the port is taken, the binary is missing,
 * the configuration was refused.
 *
 * @example
 * try { await startEmbeddedBroker({ port: 1883 }); } catch (e) { if (e instanceof BrokerStartError) console.error(e.message); }
 */
export class BrokerStartError extends Error {
  override readonly name = 'BrokerStartError';
}

/**
 * The broker refused a patch publish (an MQTT 5 PUBACK reason code, 0x87
 * when the ACL does not let this user write the robot's patch topic).
 *
 * @example
 * try { await publishPatch(bundle, options); } catch (e) { if (e instanceof PatchPublishError) console.error(e.reasonCode); }
 */
export class PatchPublishError extends Error {
  override readonly name = 'PatchPublishError';
  constructor(
    message: string,
    readonly reasonCode: number | undefined,
  ) {
    super(message);
  }
}

/**
 * No final result (committed, rejected, rolled-back) came back in time.
 * `lastStage` is the last stage the robot reported, `undefined` if none: a
 * robot that is offline, a wrong robot id, or a bundle the robot could not
 * name under MQTT 3.1.1.
 *
 * @example
 * try { await publishPatch(bundle, options); } catch (e) { if (e instanceof ResultTimeoutError) console.error(e.lastStage); }
 */
export class ResultTimeoutError extends Error {
  override readonly name = 'ResultTimeoutError';
  constructor(
    message: string,
    readonly lastStage: string | undefined,
  ) {
    super(message);
  }
}

/**
 * A pipeline stage (verify, gate, commit) refuses a patch. Throw it from a
 * stage to have the agent publish a `rejected` result with this `reason`;
 * anything else a stage throws is reported as `stage-error`.
 *
 * @example
 * throw new PatchRejectedError('bad-signature', "verify failed: signature does not match key 'fleet-2024'; re-sign the bundle");
 */
export class PatchRejectedError extends Error {
  override readonly name = 'PatchRejectedError';
  constructor(
    readonly reason: RejectReason,
    message: string,
  ) {
    super(message);
  }
}
