import { envelopeCheck, type Envelope } from './envelope';
import { downtimeCheck, gateFiguresCheck, stageTimingsCheck, type DowntimeFigures, type GateFigures, type StageTimings } from './figures';
import { decodeMessage } from './message-codec';
import { REJECT_REASONS, ROLLBACK_REASONS, type RejectReason, type RollbackReason } from './reasons';
import { both, count, nullable, oneOf, shape, text, variants, type Check } from './schema';

/** The robot took the message off its patch topic (always the first result of a message). */
export interface ReceivedBody {
  readonly stage: 'received';
  /** Size of the payload. */
  readonly bytes: number;
}

/** The robot refused the patch; its running version did not change. Final. */
export interface RejectedBody {
  readonly stage: 'rejected';
  readonly reason: RejectReason;
  /** What was wrong and what to do, for a person. */
  readonly message: string;
}

/** The patch passed verify and the gate. */
export interface ValidatedBody {
  readonly stage: 'validated';
  /** The version it applies to and the version it produces. */
  readonly from: string;
  readonly to: string;
  readonly gate: GateFigures;
}

/** The patch was committed at a tick boundary and kept. Final. */
export interface CommittedBody {
  readonly stage: 'committed';
  /** The version running now. */
  readonly version: string;
  readonly downtime: DowntimeFigures;
  readonly timings: StageTimings;
}

/** The patch was committed, then rolled back. Final. */
export interface RolledBackBody {
  readonly stage: 'rolled-back';
  readonly reason: RollbackReason;
  readonly message: string;
  /** The version running now (the one before the patch). */
  readonly version: string;
  /** What the rollback cost; `null` when not measured. */
  readonly downtime: DowntimeFigures | null;
  readonly timings: StageTimings;
}

/** The stage-specific part of a result. */
export type ResultBody = ReceivedBody | RejectedBody | ValidatedBody | CommittedBody | RolledBackBody;

/** A stage name. */
export type ResultStage = ResultBody['stage'];

/**
 * A message on `tickswap/v1/<robot>/result`. `patchId` is the id the bundle
 * claims until the verify stage passed, the verified id after; `null` when the
 * payload could not be read.
 */
export type ResultMessage = Envelope & { readonly patchId: string | null } & ResultBody;

/** A result after which no other result comes for the same message. */
export type FinalResult = ResultMessage & (RejectedBody | CommittedBody | RolledBackBody);

const version = text(128);
const message = text(2000);

const resultCheck: Check<ResultMessage> = both(
  both(envelopeCheck, shape({ patchId: nullable(text(128)) })),
  variants('stage', {
    received: shape({ stage: oneOf(['received'] as const), bytes: count }),
    rejected: shape({ stage: oneOf(['rejected'] as const), reason: oneOf(REJECT_REASONS), message }),
    validated: shape({ stage: oneOf(['validated'] as const), from: version, to: version, gate: gateFiguresCheck }),
    committed: shape({ stage: oneOf(['committed'] as const), version, downtime: downtimeCheck, timings: stageTimingsCheck }),
    'rolled-back': shape({
      stage: oneOf(['rolled-back'] as const),
      reason: oneOf(ROLLBACK_REASONS),
      message,
      version,
      downtime: nullable(downtimeCheck),
      timings: stageTimingsCheck,
    }),
  }),
);

/**
 * Reads a result payload. Throws `MessageSchemaError` naming the field.
 *
 * @example
 * client.on('message', (_topic, payload) => console.log(decodeResultMessage(payload).stage));
 */
export function decodeResultMessage(payload: Uint8Array | string): ResultMessage {
  return decodeMessage(payload, resultCheck, 'decodeResultMessage');
}

/**
 * Whether `result` ends the story of its message (rejected, committed, rolled back).
 *
 * @example
 * if (isFinalResult(result)) done(result);
 */
export function isFinalResult(result: ResultMessage): result is FinalResult {
  return result.stage === 'rejected' || result.stage === 'committed' || result.stage === 'rolled-back';
}
