import { TelemetryConfigError } from './telemetry-config-error';

/**
 * Checks a number option: `'positive'` or `'non-negative'` and finite (a
 * duration, a rate), or an integer of at least `least` (a count). Throws a
 * TelemetryConfigError naming the method, the option and the value.
 *
 * @example
 * checkOption('SlackRunner#constructor', 'maxSliceMs', 0.5, 'positive', 'ms');
 * checkOption('SampleRing#constructor', 'capacity', 1024, 1, 'rows kept until read');
 */
export function checkOption(method: string, name: string, value: number, rule: 'positive' | 'non-negative' | number, unit: string): void {
  if (typeof rule === 'number') {
    if (!Number.isInteger(value) || value < rule) throw new TelemetryConfigError(`${method} failed: ${name} must be an integer >= ${rule} (${unit}), got ${value}`);
    return;
  }
  const allowed = Number.isFinite(value) && (rule === 'positive' ? value > 0 : value >= 0);
  if (!allowed) throw new TelemetryConfigError(`${method} failed: ${name} must be a ${rule} number of ${unit}, got ${value}`);
}

/**
 * `options` with `defaults` filling what is missing or `undefined` (a plain
 * spread would let an explicit `undefined` erase a default).
 *
 * @example
 * withDefaults({ intervalMs: undefined }, { intervalMs: 1000 }).intervalMs; // 1000
 */
export function withDefaults<O extends object, D extends object>(options: O, defaults: D): O & D {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...defaults, ...given } as O & D;
}
