// A patch whose wheel motors are driven at three times the speed asked: beyond the motors' limits.
import { Behaviour, WheelMotors, type WheelPair } from '@tickswap/behaviours';
import type { MotorCommands, MotorReadings } from '@tickswap/motor-bus';
import type { PatchStep } from '@tickswap/dsu';

class OverdrivenWheels extends Behaviour<MotorReadings, WheelPair> {
  static readonly fields = WheelMotors.fields;
  motorCount = 0;
  leftIndex = 0;
  rightIndex = 1;
  leftScale = 1;
  rightScale = 1;
  readonly maxSpeed: WheelPair = { left: 0, right: 0 };
  readonly angles: WheelPair = { left: 0, right: 0 };

  update(readings: MotorReadings): WheelPair {
    this.angles.left = (readings.position[this.leftIndex] as number) * this.leftScale;
    this.angles.right = (readings.position[this.rightIndex] as number) * this.rightScale;
    return this.angles;
  }

  command(speeds: WheelPair, into: MotorCommands): MotorCommands {
    into.velocity[this.leftIndex] = (3 * speeds.left) / this.leftScale;
    into.velocity[this.rightIndex] = (3 * speeds.right) / this.rightScale;
    return into;
  }
}

export const patch: PatchStep = { from: '0', to: '1', classes: { WheelMotors: { kind: 'replace', code: OverdrivenWheels } } };
