import { GateConfigError } from './errors';
import type { GateOptions } from './gate-request';

/** {@link GateOptions} with their defaults, checked. */
export interface GateSettings {
  readonly horizonS: number;
  readonly rateHz: number;
  readonly tickBudgetMs: number;
  readonly timeLimitMs: number;
  /** Ticks in the horizon. */
  readonly ticks: number;
}

/** The defaults of {@link GateOptions}. */
export const GATE_DEFAULTS = { horizonS: 10, rateHz: 1000, timeLimitMs: 5000 } as const;

function positive(method: string, name: string, value: number, unit: string): number {
  if (Number.isFinite(value) && value > 0) return value;
  throw new GateConfigError(`${method} failed: ${name} must be a positive number of ${unit}, got ${value}`);
}

/**
 * Fills in the defaults and checks the ranges; throws GateConfigError
 * naming `method` and the option.
 *
 * @example
 * gateSettings({ horizonS: 2 }, 'runGate').ticks; // 2000
 */
export function gateSettings(options: GateOptions = {}, method: string): GateSettings {
  const horizonS = positive(method, 'horizonS', options.horizonS ?? GATE_DEFAULTS.horizonS, 'seconds');
  const rateHz = positive(method, 'rateHz', options.rateHz ?? GATE_DEFAULTS.rateHz, 'ticks per second');
  const tickBudgetMs = positive(method, 'tickBudgetMs', options.tickBudgetMs ?? 1000 / rateHz, 'milliseconds');
  const timeLimitMs = positive(method, 'timeLimitMs', options.timeLimitMs ?? GATE_DEFAULTS.timeLimitMs, 'milliseconds');
  // Rounded, so that 10 s at 1 kHz is 10000 ticks whatever the binary form of the product.
  const ticks = Math.round(horizonS * rateHz);
  if (ticks < 1) throw new GateConfigError(`${method} failed: a horizon of ${horizonS} s at ${rateHz} Hz holds no tick; give a longer horizonS`);
  return { horizonS, rateHz, tickBudgetMs, timeLimitMs, ticks };
}
