import { reshape, restore } from './in-place';

class Old {
  a = 1;
  b = 2;
}
class Fresh {
  total(this: { a: number; c: number }): number {
    return this.a + this.c;
  }
}

describe('reshape and restore', () => {
  it('give the same object the new layout in order, keep undeclared fields, and put everything back', () => {
    const object = new Old() as Old & { extra?: string };
    object.extra = 'kept';
    const undo = reshape(object, Fresh.prototype, ['a', 'b'], ['a', 'c'], [1, 5]);
    expect(Object.getPrototypeOf(object)).toBe(Fresh.prototype);
    expect(Object.entries(object)).toEqual([['a', 1], ['c', 5], ['extra', 'kept']]);
    expect((object as unknown as Fresh).total.call(object as never)).toBe(6);
    restore(undo);
    expect(Object.getPrototypeOf(object)).toBe(Old.prototype);
    expect(Object.entries(object)).toEqual([['a', 1], ['b', 2], ['extra', 'kept']]);
  });

  it('refuses a frozen object before changing anything', () => {
    const object = Object.freeze(new Old());
    expect(() => reshape(object, Fresh.prototype, ['a', 'b'], ['a'], [1])).toThrow(TypeError);
    expect(Object.getPrototypeOf(object)).toBe(Old.prototype);
  });
});
