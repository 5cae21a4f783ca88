import fc from 'fast-check';
import type { AnyClass } from './class-descriptor';
import { compose } from './compose';
import { walkGraph } from './graph-walk';
import { LiveSystem } from './live-system';
import { Namespace } from './namespace';
import type { CommittedUpdate } from './committed-update';
import { buildGraph, changeSpecs, classSpecs, expectedFields, firstVersion, nextVersion, nodeSpecs, type ClassSpec, type NodeSpec } from './testing/random-world';
import { POLICIES } from './testing/run-update';
import { toSnapshot } from './to-snapshot';

const policies = fc.constantFrom(...POLICIES);
const reachable = (root: object): object[] => [...walkGraph([root], () => true)];

function world(specs: readonly ClassSpec[], nodes: readonly NodeSpec[]) {
  const v1 = firstVersion(specs);
  const { root } = buildGraph(specs, v1, nodes);
  const live = new LiveSystem(Namespace.of('1', v1.classes), root);
  const classIndex = new Map(Object.values(v1.classes).map((code, index) => [code.prototype as object, index]));
  return { v1, root, live, classIndex };
}

describe('properties over random hierarchies, graphs and patches', () => {
  it('after commit every instance is migrated and every reference sees it; after rollback the state is deep- and identity-equal', () => {
    fc.assert(
      fc.property(classSpecs, nodeSpecs, changeSpecs, policies, (specs, nodes, changes, policy) => {
        const { v1, root, live, classIndex } = world(specs, nodes);
        const before = reachable(root);
        const image = toSnapshot(root, live.namespace);
        const records = before.map((object) => ({ cls: classIndex.get(Object.getPrototypeOf(object) as object), fields: { ...object } as Record<string, unknown> }));
        const { version: v2, patch } = nextVersion(specs, v1, changes, '1', '2');
        const committed = live.update(patch, { policy });
        live.validate();
        const after = reachable(root);
        expect(after).toHaveLength(before.length);
        after.forEach((object, index) => {
          const { cls, fields } = records[index] as { cls: number | undefined; fields: Record<string, unknown> };
          if (cls === undefined) return expect(object).toBe(before[index]);
          expect(Object.getPrototypeOf(object)).toBe((v2.classes[`C${cls}`] as AnyClass).prototype);
          expect(Object.entries(object)).toEqual(expectedFields(specs, v1, patch, cls, fields));
          if (policy === 'lazy') expect(object).toBe(before[index]);
        });
        committed.rollback();
        expect(toSnapshot(root, live.namespace)).toEqual(image);
        reachable(root).forEach((object, index) => expect(object).toBe(before[index]));
      }),
      { numRuns: 80 },
    );
  });

  it('compose(p1, p2) gives the same state as p1 then p2', () => {
    fc.assert(
      fc.property(classSpecs, nodeSpecs, changeSpecs, changeSpecs, policies, (specs, nodes, first, second, policy) => {
        const stepwise = world(specs, nodes);
        const composed = world(specs, nodes);
        const one = nextVersion(specs, stepwise.v1, first, '1', '2');
        const two = nextVersion(specs, one.version, second, '2', '3');
        stepwise.live.update(one.patch, { policy });
        stepwise.live.update(two.patch, { policy });
        stepwise.live.settle();
        composed.live.update(compose(one.patch, two.patch), { policy });
        composed.live.settle();
        expect(toSnapshot(composed.root, composed.live.namespace)).toEqual(toSnapshot(stepwise.root, stepwise.live.namespace));
      }),
      { numRuns: 60 },
    );
  });

  it('a random sequence of patches with random policies, rolled back in reverse, restores the very first state', () => {
    fc.assert(
      fc.property(classSpecs, nodeSpecs, fc.array(fc.tuple(changeSpecs, policies), { minLength: 1, maxLength: 3 }), (specs, nodes, sequence) => {
        const { v1, root, live } = world(specs, nodes);
        const before = reachable(root);
        const image = toSnapshot(root, live.namespace);
        const first = live.namespace;
        let version = v1;
        const committed: CommittedUpdate[] = [];
        sequence.forEach(([changes, policy], index) => {
          const next = nextVersion(specs, version, changes, String(index + 1), String(index + 2));
          committed.push(live.update(next.patch, { policy }));
          live.validate();
          version = next.version;
        });
        for (const update of committed.reverse()) update.rollback();
        expect(live.namespace).toBe(first);
        expect(toSnapshot(root, live.namespace)).toEqual(image);
        reachable(root).forEach((object, index) => expect(object).toBe(before[index]));
      }),
      { numRuns: 50 },
    );
  });
});
