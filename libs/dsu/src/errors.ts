/**
 * A patch was refused before any work: unknown class, a rename onto an existing
 * field, a cycle in the hierarchy, code that does not match the declared changes...
 * The message names the method and the offending change.
 *
 * @example
 * try { namespace.apply(patch); } catch (e) { if (e instanceof PatchRefusedError) report(e.message); }
 */
export class PatchRefusedError extends Error {
  override readonly name = 'PatchRefusedError';
}

/**
 * A patch was built for another version than the one running.
 *
 * @example
 * new PatchVersionError("Namespace#apply failed: patch applies to version '1' but '2' is running");
 */
export class PatchVersionError extends Error {
  override readonly name = 'PatchVersionError';
}

/**
 * A migration function, initialiser or transform threw while preparing or
 * committing; the running state was left untouched. `cause` is what it threw.
 *
 * @example
 * new MigrationError("PreparedUpdate#commit failed: ...", { cause: error });
 */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * A system or application validation failed on the migrated state; the message
 * names the instance path (`root.wheels[1].pid.integral`) and the rule.
 *
 * @example
 * new ValidationError('LiveSystem#prepare failed: root.pid.gain: declared field missing', 'root.pid.gain', 'declared-field');
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    /** Where in the state graph, from `root`; empty when not reachable. */
    readonly path: string,
    /** The rule that failed: `new-namespace`, `declared-field`, `old-function`, `nan`, or `application`. */
    readonly rule: string,
  ) {
    super(message);
  }
}

/**
 * An update was used out of order: committed twice, committed after another
 * update changed the running version, or rolled back when it is not the latest.
 *
 * @example
 * new UpdateStateError('PreparedUpdate#commit failed: already committed');
 */
export class UpdateStateError extends Error {
  override readonly name = 'UpdateStateError';
}

/**
 * A class declaration or snapshot could not be read (bad `fields` list, a
 * function in a snapshot, a class unknown to the namespace...).
 *
 * @example
 * new DeclarationError("Namespace.of failed: class 'Pid' static 'fields' must be an array of strings");
 */
export class DeclarationError extends Error {
  override readonly name = 'DeclarationError';
}

/**
 * A state graph could not be turned into a snapshot (a function, a class
 * outside the namespace) or a snapshot could not be rebuilt.
 *
 * @example
 * new SnapshotError("toSnapshot failed: root.filter: a function cannot be serialised");
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}
