/** What `reshape` changed, so `restore` can put the object back as it was. */
export interface ReshapeUndo {
  readonly object: object;
  readonly prototype: object | null;
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
}

type Fields = Record<string, unknown>;

function strip(object: Fields, keys: readonly string[]): void {
  // Deleting the last-added property rolls V8's hidden class back to its
  // parent, so deleting in reverse order keeps the object in fast mode;
  // deleting any other property turns it into a slow dictionary.
  for (let index = keys.length - 1; index >= 0; index--) delete object[keys[index] as string];
}

/**
 * Gives the same object a new class and layout: every own field is removed
 * (newest first), the prototype swapped, then the new fields written in layout
 * order, so all reshaped objects share one fast hidden class. Fields outside
 * `oldLayout` are kept after the new ones. Throws before any change if the
 * object is frozen, sealed or not extensible.
 *
 * @example
 * const undo = reshape(pid, PidV2.prototype, ['kp', 'ki'], ['kp', 'gain'], [1, 2]);
 * restore(undo); // pid is a Pid { kp: 1, ki: 2 } again
 */
export function reshape(object: object, prototype: object, oldLayout: readonly string[], layout: readonly string[], values: readonly unknown[]): ReshapeUndo {
  if (!Object.isExtensible(object)) throw new TypeError('the object is frozen, sealed or not extensible');
  const fields = object as Fields;
  const keys = Object.keys(fields);
  // Plain loops, no closures: this runs once per instance inside a tick.
  const saved = new Array<unknown>(keys.length);
  for (let index = 0; index < keys.length; index++) saved[index] = fields[keys[index] as string];
  const undo = { object, prototype: Object.getPrototypeOf(object) as object | null, keys, values: saved };
  strip(fields, keys);
  Object.setPrototypeOf(object, prototype);
  for (let index = 0; index < layout.length; index++) fields[layout[index] as string] = values[index];
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (!oldLayout.includes(key) && !layout.includes(key)) fields[key] = saved[index];
  }
  return undo;
}

/**
 * Puts a reshaped object back: its old prototype and its old fields, in their old order.
 *
 * @example
 * restore(reshape(pid, PidV2.prototype, ['kp'], ['kp'], [1]));
 */
export function restore(undo: ReshapeUndo): void {
  const fields = undo.object as Fields;
  strip(fields, Object.keys(fields));
  Object.setPrototypeOf(undo.object, undo.prototype);
  for (let index = 0; index < undo.keys.length; index++) fields[undo.keys[index] as string] = undo.values[index];
}
