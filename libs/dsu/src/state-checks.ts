import { ValidationError } from './errors';
import type { Namespace } from './namespace';
import { pathTo } from './path-to';

/** Decides whether a function found in the state may stay (it is not old code, or the host keeps it knowingly). */
export type FunctionPolicy = (fn: (...args: never[]) => unknown) => boolean;

/**
 * The system and application rules applied to migrated state, with the means
 * to name where a problem is. `starts` are the walk's roots: the holder of the
 * live root (named '', so paths read `root.x`), the classes (named by class) and the globals.
 *
 * @example
 * const checks = new StateChecks('LiveSystem#prepare', v2, starts, names);
 * checks.fn(value, () => 'root.pid', 'filter');
 */
export class StateChecks {
  private readonly newClasses: Set<unknown>;

  constructor(
    private readonly method: string,
    private readonly to: Namespace,
    private readonly starts: readonly object[],
    private readonly names: readonly string[],
    private readonly allowFunction: FunctionPolicy = () => false,
  ) {
    this.newClasses = new Set(to.names().map((name) => to.get(name)));
  }

  /** The same checks, reporting failures of `method`. */
  as(method: string): StateChecks {
    return new StateChecks(method, this.to, this.starts, this.names, this.allowFunction);
  }

  /** Where `target` is in the state, e.g. `root.wheels[1].pid`. */
  locate(target: object): string {
    for (let index = 0; index < this.starts.length; index++) {
      const path = pathTo(this.starts[index] as object, this.names[index] ?? '?', target);
      if (path !== undefined) return path.startsWith('.') ? path.slice(1) : path;
    }
    return '<unreachable>';
  }

  /** Fails if `value` is a function of the old code (anything but a new class or an allowed function). */
  fn(value: unknown, where: () => string, key: string): void {
    if (typeof value !== 'function' || this.newClasses.has(value) || this.allowFunction(value as FunctionPolicy)) return;
    const path = `${where()}${key}`;
    throw new ValidationError(
      `${this.method} failed: ${path}: a function is left in the state (rule old-function: no closure or function of the old code may survive an update); remove it in the migration or allow it`,
      path,
      'old-function',
    );
  }

  /** Runs the application validations on a migrated instance. */
  application(checks: readonly ((instance: object) => string | undefined)[] | undefined, instance: object, where: () => string): void {
    for (const check of checks ?? []) {
      const message = check(instance);
      if (message !== undefined) {
        const path = where();
        throw new ValidationError(`${this.method} failed: ${path}: application validation: ${message}`, path, 'application');
      }
    }
  }
}
