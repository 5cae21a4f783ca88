import { ValidationError } from './errors';
import { SlotKind, walkGraph } from './graph-walk';
import type { Namespace } from './namespace';
import { pathStep } from './path-to';
import { StateChecks, type FunctionPolicy } from './state-checks';
import type { Roots } from './update-host';

/** Options of `LiveSystem#validate`. */
export interface ValidateOptions {
  /** Functions the state may keep; by default only classes of the running namespace. */
  readonly allowFunction?: FunctionPolicy;
  /** Earlier namespaces: an instance of one of their classes that is not running fails the rule `new-namespace`. */
  readonly previous?: readonly Namespace[];
}

function oldClassOf(previous: readonly Namespace[], prototype: object | null): string | undefined {
  for (const namespace of previous) {
    const name = namespace.nameOfPrototype(prototype);
    if (name !== undefined) return `class '${name}' of version '${namespace.descriptor(name).version}'`;
  }
  return undefined;
}

/**
 * The system validations over a whole state graph: every instance of a class
 * of `namespace` has its declared fields, no instance of an earlier version is
 * reachable, no function is left in the state. Throws ValidationError naming
 * the path and the rule.
 *
 * @example
 * validateState({ starts: [holder], names: [''] }, v2, { previous: [v1] });
 */
export function validateState(roots: Roots, namespace: Namespace, options: ValidateOptions = {}): void {
  const checks = new StateChecks('LiveSystem#validate', namespace, roots.starts, roots.names, options.allowFunction);
  const previous = options.previous ?? [];
  walkGraph(roots.starts, (value, container, key, kind, first) => {
    if (typeof value === 'function' && typeof container !== 'function' && kind !== SlotKind.MapKey) checks.fn(value, () => checks.locate(container), pathStep(kind, key));
    if (!first) return false;
    const prototype = Object.getPrototypeOf(value) as object | null;
    const name = namespace.nameOfPrototype(prototype);
    if (name !== undefined) {
      const missing = namespace.descriptor(name).fields.find((field) => !Object.hasOwn(value, field));
      if (missing !== undefined) {
        const path = `${checks.locate(value)}.${missing}`;
        throw new ValidationError(`LiveSystem#validate failed: ${path}: declared field missing (class '${name}')`, path, 'declared-field');
      }
      return true;
    }
    const old = oldClassOf(previous, prototype);
    if (old !== undefined) {
      const path = checks.locate(value);
      throw new ValidationError(`LiveSystem#validate failed: ${path}: an instance of ${old} is still in the state (rule new-namespace)`, path, 'new-namespace');
    }
    return true;
  });
}
