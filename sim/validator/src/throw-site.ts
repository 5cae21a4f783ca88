import { findInstance, type FoundInstance } from './find-instance';

/** `at Pid.update (file:1:2)`, `at new Pid (...)`: the class and method of a stack frame. */
const FRAME = /^\s*at (?:new )?([A-Za-z_$][\w$]*)\.([\w$<>]+) /;

/** What threw: the method named by the innermost frame of a class, and the instance of that class in the state. */
export interface ThrowSite {
  /** `PidV3.update`, or undefined when no frame names a class method. */
  readonly method: string | undefined;
  /** The path of an instance of that class below the root, if there is one. */
  readonly path: string | undefined;
}

/**
 * Where in the state a throw came from: the innermost stack frame that names
 * a class method, and the first instance of that class in the state
 * (breadth-first). JavaScript does not say which instance `this` was, so
 * with several instances of the class this is the one nearest the root.
 * Used once, to report a failure.
 *
 * @example
 * throwSite(root, error); // { method: 'PidV3.update', path: 'root.behaviour.heading' }
 */
export function throwSite(root: object, error: unknown): ThrowSite {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const line of stack.split('\n').slice(1)) {
    const frame = FRAME.exec(line);
    if (frame === null) continue;
    const [, className, method] = frame as unknown as [string, string, string];
    const found: FoundInstance | undefined = findInstance(root, 'root', (value) => (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name === className);
    if (found !== undefined) return { method: `${className}.${method}`, path: found.path };
  }
  return { method: undefined, path: undefined };
}
