import type { Patch } from '@tickswap/dsu';
import type { DeclaredClassChange, DeclaredFieldChanges, DeclaredStep, PatchDeclaration } from './bundle';
import { checkDeclaration } from './bundle-shape';
import { kindOf, ShapeProblem } from './schema';

type Loose = Readonly<Record<string, unknown>>;

// The patch comes from code being built or loaded: nothing about it is trusted to match its type.
function object(value: unknown, path: string): Loose {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeProblem(path, `must be an object, got ${kindOf(value)}`);
  return value as Loose;
}

const keysOf = (value: unknown, path: string): string[] | undefined => (value === undefined ? undefined : Object.keys(object(value, path)));

/** Drops what is absent or empty, so that a declaration has one written form. */
function compact<T extends object>(value: T): T {
  const kept = Object.entries(value).filter(
    ([, entry]) => entry !== undefined && !(Array.isArray(entry) && entry.length === 0) && !(typeof entry === 'object' && entry !== null && Object.keys(entry).length === 0),
  );
  return Object.fromEntries(kept) as T;
}

function fieldChanges(change: Loose, path: string): DeclaredFieldChanges {
  return compact({
    add: keysOf(change['add'], `${path}.add`),
    remove: change['remove'] as string[] | undefined,
    rename: change['rename'] as Record<string, string> | undefined,
    transform: keysOf(change['transform'], `${path}.transform`),
    allowNaN: change['allowNaN'] as string[] | undefined,
  });
}

function ownFields(code: unknown, path: string): readonly string[] {
  if (typeof code !== 'function') throw new ShapeProblem(path, `must be a class, got ${kindOf(code)}`);
  return Object.hasOwn(code, 'fields') ? ((code as unknown as Loose)['fields'] as string[]) : [];
}

function classChange(value: unknown, path: string): DeclaredClassChange {
  const change = object(value, path);
  const kind = change['kind'] as DeclaredClassChange['kind'];
  const fields = kind === 'remove' ? undefined : ownFields(change['code'], `${path}.code`);
  const statics = change['statics'] === undefined ? undefined : fieldChanges(object(change['statics'], `${path}.statics`), `${path}.statics`);
  if (change['migrate'] !== undefined && typeof change['migrate'] !== 'function') {
    throw new ShapeProblem(`${path}.migrate`, `must be a function, got ${kindOf(change['migrate'])}`);
  }
  const migrate = change['migrate'] === undefined ? undefined : (true as const);
  return {
    kind,
    ...(fields === undefined ? {} : { fields }),
    ...compact({ ...fieldChanges(change, path), superclass: change['superclass'] as string | null | undefined, statics, into: change['into'] as string | undefined, migrate }),
  };
}

function step(value: unknown, path: string): DeclaredStep & { readonly inverse?: unknown } {
  const patch = object(value, path);
  if ('steps' in patch) throw new ShapeProblem(path, 'is a composed patch; bundle each step as a patch of its own and send them in order');
  const at = (name: string) => (path === '' ? name : `${path}.${name}`);
  const classes = Object.entries(object(patch['classes'] ?? {}, at('classes'))).map(([name, change]) => [name, classChange(change, at(`classes.${name}`))]);
  return {
    from: patch['from'] as string,
    to: patch['to'] as string,
    classes: Object.fromEntries(classes) as Record<string, DeclaredClassChange>,
    ...compact({
      globals: patch['globals'] === undefined ? undefined : fieldChanges(object(patch['globals'], at('globals')), at('globals')),
      validations: keysOf(patch['validations'], at('validations')),
    }),
    ...(patch['inverse'] === undefined ? {} : { inverse: patch['inverse'] }),
  };
}

/**
 * The JSON form of a dsu patch step's declared changes: class names and
 * kinds, the new code's own fields, field adds, removes, renames and the
 * names of transformed fields, the presence of migrations, the validated
 * classes, the inverse step. Functions and classes are named, not included.
 * `classes`, the patch package's `classes` export when it has one, says
 * which classes its `@tickswap/behaviours` import means (`'running'` or
 * `'shipped'`) and goes into the declaration as it is.
 * Throws a {@link ShapeProblem} (naming the place) for anything that is not a
 * patch step (a composed patch, a `code` that is not a class, a name that is
 * not an identifier...) or a `classes` of another value.
 *
 * @example
 * describePatch({ from: '0', to: '1', classes: { Pid: { kind: 'replace', code: Pid, rename: { integral: 'integralTerm' } } } });
 * // { from: '0', to: '1', changes: { classes: { Pid: { kind: 'replace', rename: { integral: 'integralTerm' }, fields: [...] } } } }
 * describePatch(patch, 'running').classes; // 'running'
 */
export function describePatch(patch: Patch, classes?: unknown): PatchDeclaration {
  const { from, to, inverse, ...changes } = step(patch, '');
  const declared = inverse === undefined ? changes : { ...changes, inverse: step(inverse, 'inverse') };
  try {
    return checkDeclaration({ from, to, changes: declared, ...(classes === undefined ? {} : { classes }) });
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    // Name the place in the patch object, where the changes are not under `changes`; `classes` is an export beside it.
    throw new ShapeProblem(error.field === 'classes' ? "the export 'classes'" : error.field.replace(/^changes\./, ''), error.problem);
  }
}
