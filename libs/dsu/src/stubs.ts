import type { ClassPlan } from './plan-patch';

/** Finds what an old instance stands for after commit: itself reshaped, or its replacement. */
export type Resolver = (instance: object, plan: ClassPlan) => object;

/** Stubs installed on old prototypes; `remove` puts the prototypes back as they were, `reinstall` undoes that. */
export interface InstalledStubs {
  remove(): void;
  reinstall(): void;
}

function chainKeys(prototype: object): Set<PropertyKey> {
  const keys = new Set<PropertyKey>();
  for (let at: object | null = prototype; at !== null && at !== Object.prototype; at = Object.getPrototypeOf(at) as object | null) {
    for (const key of Reflect.ownKeys(at)) keys.add(key);
  }
  return keys;
}

function stub(key: PropertyKey, plan: ClassPlan, resolve: Resolver): PropertyDescriptor {
  const oldPrototype = plan.oldClass.prototype as object;
  const newPrototype = plan.newClass.prototype as object;
  return {
    configurable: true,
    enumerable: false,
    get(this: object): unknown {
      if (Object.getPrototypeOf(this) !== oldPrototype) return Reflect.get(newPrototype, key, this);
      const target = resolve(this, plan);
      const value: unknown = Reflect.get(target, key);
      return target !== this && typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(this: object, value: unknown): void {
      Reflect.set(Object.getPrototypeOf(this) === oldPrototype ? resolve(this, plan) : this, key, value);
    },
  };
}

function install(plan: ClassPlan, resolve: Resolver): () => void {
  const prototype = plan.oldClass.prototype as object;
  const saved = Object.getOwnPropertyDescriptors(prototype);
  const parent = Object.getPrototypeOf(prototype) as object | null;
  const keys = chainKeys(plan.newClass.prototype as object);
  for (const field of plan.newLayout) if (!plan.oldLayout.includes(field)) keys.add(field);
  for (const key of Reflect.ownKeys(prototype)) Reflect.deleteProperty(prototype, key);
  for (const key of keys) Object.defineProperty(prototype, key, stub(key, plan, resolve));
  Object.setPrototypeOf(prototype, plan.newClass.prototype as object);
  return () => {
    for (const key of Reflect.ownKeys(prototype)) Reflect.deleteProperty(prototype, key);
    Object.defineProperties(prototype, saved);
    Object.setPrototypeOf(prototype, parent);
  };
}

/**
 * Turns the prototypes of the old classes into stubs: every method, accessor
 * and new field name of the new class, reached through an old instance, first
 * resolves the instance (migrating it in place, or finding its replacement)
 * and then forwards. Old prototypes inherit from the new ones, so `instanceof`
 * the new class holds for instances not migrated yet.
 * Runs at the tick boundary: never blocks; cost and allocation (one descriptor
 * per name) are per class and per method name, never per instance.
 *
 * @example
 * const stubs = installStubs(plans, (instance, plan) => migrateInPlace(instance, plan));
 * stubs.remove(); // rollback
 */
export function installStubs(plans: Iterable<ClassPlan>, resolve: Resolver): InstalledStubs {
  const all = [...plans];
  let undo = all.map((plan) => install(plan, resolve));
  return {
    remove: () => undo.reverse().forEach((restore) => restore()),
    reinstall: () => void (undo = all.map((plan) => install(plan, resolve))),
  };
}
