import { SlotKind, walkGraph } from './graph-walk';
import { pathTo } from './path-to';

class Node {
  constructor(public next: Node | undefined) {}
}

describe('walkGraph', () => {
  it('finds objects in arrays, Maps (keys and values), Sets, nested, and reports every edge to shared ones', () => {
    const shared = { shared: true };
    const key = { key: true };
    const root = { list: [shared, [shared]], map: new Map<unknown, unknown>([[key, shared]]), set: new Set([shared]), buffer: new Float64Array([1, 2]) };
    const edges: [object, SlotKind, boolean][] = [];
    const seen = walkGraph([root], (value, _container, _key, kind, first) => {
      edges.push([value, kind, first]);
      return true;
    });
    const toShared = edges.filter(([value]) => value === shared);
    expect(toShared.map(([, kind]) => kind).sort()).toEqual([SlotKind.Property, SlotKind.Property, SlotKind.MapValue, SlotKind.SetMember].sort());
    expect(toShared.filter(([, , first]) => first)).toHaveLength(1);
    expect(edges.some(([value, kind]) => value === key && kind === SlotKind.MapKey)).toBe(true);
    expect(seen.has(root.buffer)).toBe(true);
  });

  it('treats typed arrays, dates and functions as leaves and survives cycles and deep chains', () => {
    const inner = { inside: true };
    const typed = Object.assign(new Uint8Array(2), { extra: inner });
    let chain: Node | undefined;
    for (let index = 0; index < 100_000; index++) chain = new Node(chain);
    const cycle: { self?: unknown; typed: Uint8Array; when: Date; chain: Node | undefined } = { typed, when: new Date(0), chain };
    cycle.self = cycle;
    const seen = walkGraph([cycle], () => true);
    expect(seen.has(inner)).toBe(false);
    expect(seen.size).toBe(100_000 + 3);
  });
});

describe('pathTo', () => {
  it('names a shortest path the way code reaches it', () => {
    const target = { target: true };
    const root = { wheels: [{}, { pid: target }], deeper: { still: { pid: target } } };
    expect(pathTo(root, 'root', target)).toBe('root.wheels[1].pid');
    expect(pathTo({ 'odd key': new Map([['left', target]]) }, 'root', target)).toBe('root["odd key"].get("left")');
    expect(pathTo(root, 'root', {})).toBeUndefined();
  });
});
