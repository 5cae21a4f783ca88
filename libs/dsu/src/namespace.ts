import { declaredList, type AnyClass, type ClassDescriptor } from './class-descriptor';
import { DeclarationError } from './errors';
import type { Patch } from './patch';
import { planPatch } from './plan-patch';

/** One class of a namespace being built: its name, code and the version that introduced it. */
export interface NamespaceEntry {
  readonly name: string;
  readonly code: AnyClass;
  readonly version: string;
}

function describe(entries: readonly NamespaceEntry[], method: string): Map<string, ClassDescriptor> {
  const nameOf = new Map<unknown, string>(entries.map((entry) => [entry.code, entry.name]));
  const descriptors = new Map<string, ClassDescriptor>();
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const read = (entry: NamespaceEntry): ClassDescriptor => {
    const known = descriptors.get(entry.name);
    if (known !== undefined) return known;
    const parentCode: unknown = Object.getPrototypeOf(entry.code);
    const superclass = parentCode === Function.prototype ? null : (nameOf.get(parentCode) ?? undefined);
    if (superclass === undefined) {
      const parentName = (parentCode as { name?: string }).name ?? '?';
      throw new DeclarationError(`${method} failed: class '${entry.name}' extends '${parentName}', which is not in the namespace; add it`);
    }
    const parent = superclass === null ? undefined : read(byName.get(superclass) as NamespaceEntry);
    const ownFields = declaredList(entry.code, 'fields', method);
    const inherited = parent?.fields ?? [];
    const clash = ownFields.find((name) => inherited.includes(name));
    if (clash !== undefined) {
      throw new DeclarationError(`${method} failed: class '${entry.name}' redeclares inherited field '${clash}'; list it only in '${superclass}'`);
    }
    const descriptor: ClassDescriptor = Object.freeze({
      name: entry.name,
      superclass,
      ownFields,
      fields: Object.freeze([...inherited, ...ownFields]),
      staticFields: declaredList(entry.code, 'staticFields', method),
      version: entry.version,
    });
    descriptors.set(entry.name, descriptor);
    return descriptor;
  };
  for (const entry of entries) read(entry);
  return descriptors;
}

/**
 * An immutable map of class names to classes, with a version id and the
 * module-level state of that version (`globals`, a plain object the code
 * mutates like static fields). `apply` builds the next namespace without
 * touching this one.
 *
 * @example
 * const v1 = Namespace.of('1', { Pid });
 * const v2 = v1.apply({ from: '1', to: '2', classes: { Pid: { kind: 'replace', code: PidV2 } } });
 * v1.get('Pid') === Pid; // still
 */
export class Namespace {
  private readonly classes: ReadonlyMap<string, AnyClass>;
  private readonly descriptors: ReadonlyMap<string, ClassDescriptor>;
  private readonly prototypes: ReadonlyMap<object, string>;

  private constructor(
    readonly version: string,
    entries: readonly NamespaceEntry[],
    /** Module-level state of this version, carried across versions like fields. */
    readonly globals: Record<string, unknown>,
    method: string,
  ) {
    this.descriptors = describe(entries, method);
    this.classes = new Map(entries.map((entry) => [entry.name, entry.code]));
    this.prototypes = new Map(entries.map((entry) => [entry.code.prototype as object, entry.name]));
  }

  /**
   * The first namespace of a system: every class is of `version`.
   *
   * @example
   * Namespace.of('1', { Pid, Drive }, { tuning: { scale: 1 } });
   */
  static of(version: string, classes: Readonly<Record<string, AnyClass>>, globals: Record<string, unknown> = {}): Namespace {
    const entries = Object.entries(classes).map(([name, code]) => ({ name, code, version }));
    return new Namespace(version, entries, globals, 'Namespace.of');
  }

  /**
   * A namespace from explicit entries (used by `apply`, which keeps the version of unchanged classes).
   *
   * @example
   * Namespace.build('2', [{ name: 'Pid', code: PidV2, version: '2' }], {}, 'Namespace#apply');
   */
  static build(version: string, entries: readonly NamespaceEntry[], globals: Record<string, unknown>, method: string): Namespace {
    return new Namespace(version, entries, globals, method);
  }

  /**
   * Builds the namespace `patch` produces; refuses a patch for another version or an invalid one (nothing is touched).
   *
   * @example
   * v1.apply({ from: '1', to: '2', classes: { Pose: { kind: 'add', code: Pose } } }).version; // '2'
   */
  apply(patch: Patch): Namespace {
    return planPatch(this, patch, 'Namespace#apply').to;
  }

  /**
   * The class registered under `name`, or undefined.
   *
   * @example
   * v1.find('Pid') === Pid; // true
   */
  find(name: string): AnyClass | undefined {
    return this.classes.get(name);
  }

  /**
   * The class registered under `name`; throws DeclarationError when unknown.
   *
   * @example
   * new (live.namespace.get('Pid') as typeof PidV2)(2);
   */
  get(name: string): AnyClass {
    const code = this.classes.get(name);
    if (code === undefined) throw new DeclarationError(`Namespace#get failed: no class '${name}' in version '${this.version}'`);
    return code;
  }

  /**
   * The descriptor of class `name` (fields, superclass, version).
   *
   * @example
   * v1.descriptor('Pid').fields; // ['kp', 'ki', 'integral']
   */
  descriptor(name: string): ClassDescriptor {
    const descriptor = this.descriptors.get(name);
    if (descriptor === undefined) throw new DeclarationError(`Namespace#descriptor failed: no class '${name}' in version '${this.version}'`);
    return descriptor;
  }

  /**
   * The name of the class whose prototype is exactly `prototype`, if it belongs to this namespace.
   *
   * @example
   * v1.nameOfPrototype(Object.getPrototypeOf(pid)); // 'Pid'
   */
  nameOfPrototype(prototype: object | null): string | undefined {
    return prototype === null ? undefined : this.prototypes.get(prototype);
  }

  /**
   * Every class name, in registration order.
   *
   * @example
   * v1.names(); // ['Pid', 'Wheel']
   */
  names(): readonly string[] {
    return [...this.classes.keys()];
  }
}
