import { DeclarationError } from './errors';

/**
 * Any class whose instances the library can find and migrate. Fields are not
 * discovered by running constructors (they may need arguments or touch
 * hardware): a class lists the instance fields it declares itself, in
 * declaration order, in a static `fields` array, and the static fields that are
 * state carried across versions in a static `staticFields` array.
 *
 * @example
 * class Pid {
 *   static readonly fields = ['kp', 'ki', 'integral'] as const;
 *   static readonly staticFields = ['created'] as const;
 *   static created = 0;
 *   kp = 1; ki = 0; integral = 0;
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructor parameters are contravariant: any class must fit
export type AnyClass = abstract new (...args: any[]) => object;

/** What the library knows of one class of a namespace. */
export interface ClassDescriptor {
  /** The name the namespace knows the class by. */
  readonly name: string;
  /** The superclass's name in the same namespace, or null for a root class. */
  readonly superclass: string | null;
  /** Fields the class declares itself (its static `fields`). */
  readonly ownFields: readonly string[];
  /** Every instance field: inherited ones first, then its own. */
  readonly fields: readonly string[];
  /** Static fields of this class that are state (its static `staticFields`). */
  readonly staticFields: readonly string[];
  /** The namespace version in which this class's code was introduced. */
  readonly version: string;
}

/**
 * Reads one of the static field lists a class declares for itself (inherited
 * lists are ignored: a subclass that declares nothing has no own fields).
 *
 * @example
 * declaredList(Pid, 'fields', 'Namespace.of'); // ['kp', 'ki', 'integral']
 */
export function declaredList(cls: AnyClass, key: 'fields' | 'staticFields', method: string): readonly string[] {
  if (!Object.hasOwn(cls, key)) return [];
  const list: unknown = (cls as unknown as Record<string, unknown>)[key];
  if (!Array.isArray(list) || list.some((name) => typeof name !== 'string')) {
    throw new DeclarationError(`${method} failed: class '${cls.name}' static '${key}' must be an array of field names`);
  }
  const names = list as string[];
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) {
    throw new DeclarationError(`${method} failed: class '${cls.name}' static '${key}' lists '${twice}' twice`);
  }
  return Object.freeze([...names]);
}
