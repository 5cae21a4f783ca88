import {
  PATCH_FORMAT,
  type BehaviourClasses,
  type BundleDeclaration,
  type BundleSignature,
  type DeclaredClassChange,
  type DeclaredFieldChanges,
  type DeclaredStep,
  type PatchBundle,
  type PatchDeclaration,
} from './bundle';
import { BundleFormatError, BundleShapeError } from './errors';
import { dictionary, IDENTIFIER, kindOf, list, oneOf, optional, record, ShapeProblem, text, type FieldSchemas } from './schema';

const VERSION = /^[A-Za-z0-9][\w.+-]{0,63}$/;
const version = text(VERSION, 'a version (letters, digits, . _ + -; up to 64)');
const name = text(IDENTIFIER, 'an identifier');
const names = list(name);

const fieldChanges: FieldSchemas<DeclaredFieldChanges> = {
  add: optional(names),
  remove: optional(names),
  rename: optional(dictionary(name)),
  transform: optional(names),
  allowNaN: optional(names),
};

const classChange = record<DeclaredClassChange>({
  ...fieldChanges,
  kind: oneOf(['add', 'replace', 'remove'] as const),
  fields: optional(names),
  superclass: optional((value, path) => (value === null ? null : name(value, path))),
  statics: optional(record<DeclaredFieldChanges>(fieldChanges)),
  into: optional(name),
  migrate: optional(oneOf([true] as const)),
});

const changes = {
  classes: dictionary(classChange),
  globals: optional(record<DeclaredFieldChanges>(fieldChanges)),
  validations: optional(names),
};

// The inverse is a step of its own; an inverse of the inverse is not part of the format.
const declaration = record<BundleDeclaration>({ ...changes, inverse: optional(record<DeclaredStep>({ ...changes, from: version, to: version })) });

const behaviourClasses = optional(oneOf(['shipped', 'running'] as const satisfies readonly BehaviourClasses[]));

const patchDeclaration = record<PatchDeclaration>({ from: version, to: version, changes: declaration, classes: behaviourClasses });

/**
 * Checks a patch's declaration (versions, changes, the classes it means) against the format;
 * throws a {@link ShapeProblem} naming the place.
 *
 * @example
 * checkDeclaration({ from: '0', to: '1', changes: { classes: {} } });
 */
export function checkDeclaration(value: unknown): PatchDeclaration {
  return patchDeclaration(value, '');
}

const signature = record<BundleSignature>({
  keyId: text(/^[0-9a-f]{16}$/, '16 lower-case hex digits'),
  value: text(/^[A-Za-z0-9+/]{85}[AQgw]==$/, 'a 64-byte Ed25519 signature in base64'),
});

const bundle = record<PatchBundle>({
  format: oneOf([PATCH_FORMAT] as const),
  id: text(/^[A-Za-z0-9][\w.+-]{0,127}$/, 'a patch id (letters, digits, . _ + -; up to 128)'),
  from: version,
  to: version,
  changes: declaration,
  classes: behaviourClasses,
  code: text(/./, 'the non-empty code'),
  digest: text(/^sha256:[0-9a-f]{64}$/, "'sha256:' and 64 lower-case hex digits"),
  signature: optional(signature),
});

/**
 * Checks that `value` is a bundle of this format, field by field (no field
 * missing, none extra, every one of its type), and returns it typed.
 * Throws {@link BundleFormatError} for another format and
 * {@link BundleShapeError} (naming the field) for anything else; `method`
 * names the caller in the message.
 *
 * @example
 * const bundle = checkBundleShape(JSON.parse(text), 'parseBundle');
 */
export function checkBundleShape(value: unknown, method: string): PatchBundle {
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format !== undefined && format !== PATCH_FORMAT) {
    throw new BundleFormatError(`${method} failed: format ${kindOf(format)} is unknown; this runtime reads ${PATCH_FORMAT} (build the patch with a matching \`tickswap patch build\`)`);
  }
  try {
    return bundle(value, '');
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    const where = error.field === '' ? 'the bundle' : `field '${error.field}'`;
    throw new BundleShapeError(
      `${method} failed: ${where} ${error.problem}; a bundle is the JSON document \`tickswap patch build\` writes, unedited`,
      error.field,
    );
  }
}
