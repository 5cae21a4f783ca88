import { BEHAVIOURS_PACKAGE } from '@tickswap/patch-format';
import type { ClassMap } from './class-model';
import { readClasses } from './read-classes';
import { deriveChanges, type RenameChoices } from './derive-changes';
import type { DerivedChanges } from './derived-changes';
import { manifestCode } from './manifest-code';
import { packageModules } from './package-modules';
import type { SourceTree } from './source-tree';

/** Two versions of the behaviour sources and what the patch between them is called. */
export interface DerivePackageOptions {
  readonly before: SourceTree;
  readonly after: SourceTree;
  /** The namespace versions the patch goes from and to. */
  readonly from: string;
  readonly to: string;
  /** Where the versions came from, for the manifest's header (`HEAD -> libs/behaviours/src`). */
  readonly origin: string;
  /** The package the sources are, whose unchanged modules the patch imports (default `@tickswap/behaviours`). */
  readonly packageName?: string;
  /** The root behaviour class (default `Behaviour`). */
  readonly root?: string;
  readonly choices?: RenameChoices;
  /** The classes of `before` when already read (`readClasses`), so a session does not read the running version again. */
  readonly beforeClasses?: ClassMap;
}

/** A derived patch package: its changes, and its files (path in the package -> text). */
export interface DerivedPackage {
  readonly changes: DerivedChanges;
  /** The classes of `after`, for the next derivation from it. */
  readonly classes: ClassMap;
  readonly files: ReadonlyMap<string, string>;
}

/** Where a package keeps its copies of the sources (beside `patch.ts`). */
const SOURCES = 'src';

/**
 * Derives the patch between two versions of the behaviour sources, as a
 * patch package `tickswap patch build` builds unchanged: `patch.ts` (the
 * manifest, see `manifestCode`) and, under `src/`, the modules declaring
 * the added and replaced classes (and what they import that the runtime
 * package does not export), importing everything else from the runtime
 * package. No files when nothing changed.
 *
 * @example
 * const { changes, files } = derivePatchPackage({ before, after, from: '0', to: '1', origin: 'HEAD -> libs/behaviours/src' });
 */
export function derivePatchPackage(options: DerivePackageOptions): DerivedPackage {
  const read = { root: options.root ?? 'Behaviour' };
  const classes = readClasses(options.after, read);
  const changes = deriveChanges(options.beforeClasses ?? readClasses(options.before, read), classes, options.choices);
  if (changes.classes.length === 0) return { changes, classes, files: new Map() };
  const fileOf = new Map(changes.classes.flatMap((change) => (change.file === undefined ? [] : [[change.name, change.file] as const])));
  const modules = packageModules(options.after, [...new Set(fileOf.values())], { packageName: options.packageName ?? BEHAVIOURS_PACKAGE });
  const manifest = manifestCode(changes, { ...options, moduleOf: (name) => `./${SOURCES}/${(fileOf.get(name) ?? '').replace(/\.ts$/, '')}` });
  return { changes, classes, files: new Map([['patch.ts', manifest], ...[...modules].map(([path, text]) => [`${SOURCES}/${path}`, text] as const)]) };
}
