import type { GateCheck, GateSignal } from './gate-checks';

const SIGNALS: readonly GateSignal[] = ['path-error', 'pose-divergence', 'heading-divergence', 'command-divergence'];

type Loose = Readonly<Record<string, unknown>>;

const finite = (value: unknown, nonNegative: boolean) => typeof value === 'number' && Number.isFinite(value) && (!nonNegative || value >= 0);

/** Why an entry of `gate.checks` cannot be run: its index and the field, or undefined when it is fine. */
function problemOf(check: Loose): string | undefined {
  const optional = (field: string) => check[field] === undefined || (finite(check[field], true) && (check[field] as number) > 0);
  if (check['name'] !== undefined && typeof check['name'] !== 'string') return "'name' must be a string";
  if (!optional('sideM')) return "'sideM' must be a positive number of metres";
  switch (check['kind']) {
    case 'near-square':
      return finite(check['toleranceM'], true) ? undefined : "'toleranceM' must be a number of metres >= 0";
    case 'settles':
      if (!finite(check['withinS'], true)) return "'withinS' must be a number of seconds >= 0";
      if (!finite(check['tolerance'], true)) return "'tolerance' must be a number >= 0";
      break;
    case 'bound':
      if (!finite(check['max'], true)) return "'max' must be a number >= 0";
      break;
    case 'predicate':
      if (typeof check['name'] !== 'string' || check['name'] === '') return "a predicate needs a 'name'";
      return typeof check['test'] === 'function' ? undefined : "'test' must be a function of the simulated runs";
    default:
      return `'kind' must be near-square, settles, bound or predicate, got ${JSON.stringify(check['kind'])}`;
  }
  return SIGNALS.includes(check['signal'] as GateSignal) ? undefined : `'signal' must be one of ${SIGNALS.join(', ')}, got ${JSON.stringify(check['signal'])}`;
}

/**
 * The application checks a loaded patch declares in its `gate` field
 * (none without one), checked: the patch came from code, nothing about it is
 * trusted to match its type. Throws an Error whose message names the entry
 * and the field.
 *
 * @example
 * declaredChecks({ from: '0', to: '1', gate: { checks: [{ kind: 'near-square', toleranceM: 0.2 }] } }).length; // 1
 */
export function declaredChecks(patch: unknown): readonly GateCheck[] {
  const gate = (patch as Loose)['gate'];
  if (gate === undefined) return [];
  const checks = typeof gate === 'object' && gate !== null ? (gate as Loose)['checks'] : undefined;
  if (!Array.isArray(checks)) throw new Error("the patch's 'gate' must be { checks: [...] }");
  checks.forEach((check: unknown, index) => {
    const problem = typeof check === 'object' && check !== null ? problemOf(check as Loose) : 'must be an object';
    if (problem !== undefined) throw new Error(`gate.checks[${index}]: ${problem}`);
  });
  return checks as GateCheck[];
}
