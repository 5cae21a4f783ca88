import { XM430_W210, XM430_W350 } from '../control-table/dynamixel-model';
import { DynamixelConfigError } from '../errors';
import { DYNAMIXEL_MODELS, dynamixelMotors } from './dynamixel-motors';

describe('dynamixelMotors', () => {
  it('looks every model up by name, keeping ids and order', () => {
    expect(dynamixelMotors([{ id: 2, model: 'XM430-W350' }, { id: 1, model: 'XM430-W210' }])).toEqual([
      { id: 2, model: XM430_W350 },
      { id: 1, model: XM430_W210 },
    ]);
    expect(new Set(DYNAMIXEL_MODELS.map((model) => model.modelNumber)).size).toBe(DYNAMIXEL_MODELS.length);
  });

  it('names the field of an unknown model and lists the known ones', () => {
    const unknown = () => dynamixelMotors([{ id: 1, model: 'XM430-W350' }, { id: 2, model: 'xm430-w350' }]);
    expect(unknown).toThrow(DynamixelConfigError);
    expect(unknown).toThrow(
      "dynamixelMotors failed: motors[1].model 'xm430-w350' is not a model this driver knows (XM430-W210, XM430-W350); fix the robot description or add the model to DYNAMIXEL_MODELS",
    );
  });
});
