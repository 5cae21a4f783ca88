/** What the driver needs to know of a servo model. */
export interface DynamixelModel {
  readonly name: string;
  /** Model Number (0) the servo reports, checked by `start()`. */
  readonly modelNumber: number;
  /** Amperes per Present/Goal Current unit. */
  readonly currentUnit: number;
}

/**
 * ROBOTIS XM430-W210 (model 1030; current unit about 2.69 mA).
 *
 * @example
 * const motors = [{ id: 1, model: XM430_W210 }];
 */
export const XM430_W210: DynamixelModel = { name: 'XM430-W210', modelNumber: 1030, currentUnit: 0.00269 };

/**
 * ROBOTIS XM430-W350 (model 1020; current unit about 2.69 mA).
 *
 * @example
 * const motors = [{ id: 1, model: XM430_W350 }];
 */
export const XM430_W350: DynamixelModel = { name: 'XM430-W350', modelNumber: 1020, currentUnit: 0.00269 };
