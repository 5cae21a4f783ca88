import type { AnyClass } from './class-descriptor';
import { PatchRefusedError } from './errors';
import type { Namespace } from './namespace';
import type { PatchStep } from './patch';

function declaredParents(from: Namespace, step: PatchStep, names: readonly string[]): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const name of names) {
    const change = step.classes?.[name];
    if (change?.kind === 'replace' && change.superclass !== undefined) parents.set(name, change.superclass);
    else if (from.find(name) !== undefined) parents.set(name, from.descriptor(name).superclass);
  }
  return parents;
}

function refuseCycles(where: string, parents: ReadonlyMap<string, string | null>): void {
  for (const start of parents.keys()) {
    const seen = [start];
    for (let name = parents.get(start); name !== undefined && name !== null; name = parents.get(name)) {
      if (name === start) throw new PatchRefusedError(`${where} cycle in the hierarchy: ${[...seen, name].join(' -> ')}; fix the superclass changes`);
      if (seen.includes(name)) break;
      seen.push(name);
    }
  }
}

/**
 * Refuses a step whose hierarchy is wrong: a cycle among the declared
 * superclasses, code that extends another class than declared (a superclass
 * change must be declared), or a class still bound to a replaced class's code.
 *
 * @example
 * checkHierarchy("Namespace#apply failed:", v1, patch, new Map([['Pid', PidV2]]));
 */
export function checkHierarchy(where: string, from: Namespace, step: PatchStep, next: ReadonlyMap<string, AnyClass>): void {
  const parents = declaredParents(from, step, [...next.keys()]);
  refuseCycles(where, parents);
  const nameOf = new Map<unknown, string>([...next].map(([name, code]) => [code, name]));
  const oldNameOf = new Map<unknown, string>(from.names().map((name) => [from.get(name), name]));
  for (const [name, code] of next) {
    const parentCode: unknown = Object.getPrototypeOf(code);
    const actual = parentCode === Function.prototype ? null : nameOf.get(parentCode);
    if (actual === undefined) {
      const replaced = oldNameOf.get(parentCode);
      throw new PatchRefusedError(
        replaced === undefined
          ? `${where} class '${name}' extends '${(parentCode as AnyClass).name}', which is in neither version; add it to the patch`
          : `${where} class '${name}' extends the replaced or removed class '${replaced}' of version '${from.version}'; add new code for '${name}' built against the new '${replaced}'`,
      );
    }
    if (!parents.has(name)) continue;
    const declared = parents.get(name) ?? null;
    if (declared !== actual) {
      throw new PatchRefusedError(
        `${where} class '${name}': its code extends '${actual ?? 'nothing'}' but the patch declares '${declared ?? 'nothing'}'; declare superclass: ${JSON.stringify(actual)}`,
      );
    }
  }
}
