/** One instance field of a behaviour class, as its source declares it. */
export interface FieldModel {
  readonly name: string;
  /** The declared type (or the type of a literal initialiser), normalised; `unknown` when the source does not tell. */
  readonly type: string;
  /** The initialiser's source text: the field's own, else the constructor's first `this.<name> = ...`. */
  readonly initialiser: string | undefined;
  /** Where the class uses the field: the members (`m:update`) and the statements with the field blanked (`s:this.$ = 0;`). */
  readonly usages: ReadonlySet<string>;
}

/** One behaviour class of a version of the sources. */
export interface ClassModel {
  readonly name: string;
  /** The file that declares it (relative to the source folder). */
  readonly file: string;
  /** The superclass's name, or null for a root class. */
  readonly superclass: string | null;
  /** Its own instance fields, in the order of its `static fields` (then undeclared ones in source order). */
  readonly fields: readonly FieldModel[];
  /** Its code without comments and with normalised layout: two versions differ when their code does. */
  readonly code: string;
  /** The rest of its file (imports, helpers, constants, other classes) in the same form. */
  readonly module: string;
}

/** The behaviour classes of one version of the sources, by name. */
export type ClassMap = ReadonlyMap<string, ClassModel>;
