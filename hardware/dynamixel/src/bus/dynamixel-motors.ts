import { XM430_W210, XM430_W350, type DynamixelModel } from '../control-table/dynamixel-model';
import { DynamixelConfigError } from '../errors';
import type { DynamixelMotor } from './dynamixel-bus-options';

/**
 * Every servo model this package knows, for looking models up by name.
 *
 * @example
 * DYNAMIXEL_MODELS.map((model) => model.name); // ['XM430-W210', 'XM430-W350']
 */
export const DYNAMIXEL_MODELS: readonly DynamixelModel[] = [XM430_W210, XM430_W350];

/** A motor as a robot description lists it: bus id and model name. */
export interface NamedMotor {
  readonly id: number;
  readonly model: string;
}

/**
 * The bus motors of a list that names its models (a robot description's
 * `motors`), in the same order. Throws {@link DynamixelConfigError} naming the
 * field (`motors[1].model`) of a model this package does not know.
 *
 * @example
 * dynamixelMotors(robot.motors); // [{ id: 1, model: XM430_W350 }, { id: 2, model: XM430_W350 }]
 */
export function dynamixelMotors(motors: readonly NamedMotor[]): DynamixelMotor[] {
  return motors.map(({ id, model: name }, index) => {
    const model = DYNAMIXEL_MODELS.find((known) => known.name === name);
    if (model !== undefined) return { id, model };
    const known = DYNAMIXEL_MODELS.map((each) => each.name).join(', ');
    throw new DynamixelConfigError(
      `dynamixelMotors failed: motors[${index}].model '${name}' is not a model this driver knows (${known}); fix the robot description or add the model to DYNAMIXEL_MODELS`,
    );
  });
}
