import type { CommittedUpdate } from './committed-update';
import type { Namespace } from './namespace';
import type { Patch } from './patch';
import type { PreparedUpdate } from './prepared-update';
import type { FunctionPolicy } from './state-checks';

/** When instances get their new form: see README "Policies". */
export type Policy = 'eager' | 'prepared' | 'lazy';

/** Options of `LiveSystem#prepare`. */
export interface PrepareOptions {
  /** Default 'prepared'. */
  readonly policy?: Policy;
  /** Functions the migrated state may keep; by default only classes of the new namespace. */
  readonly allowFunction?: FunctionPolicy;
}

/** The roots an update walks: the live root, every class (its statics) and the globals, with their names in paths. */
export interface Roots {
  readonly starts: readonly object[];
  readonly names: readonly string[];
}

/** What updates need of the system they change; LiveSystem hands one to each update it prepares. */
export interface UpdateHost {
  namespace(): Namespace;
  roots(namespace: Namespace): Roots;
  /** Makes `update.to` the running namespace and `update` the latest committed update. */
  commit(update: CommittedUpdate): void;
  /** Makes `update.from` the running namespace again and forgets `update`. */
  rollback(update: CommittedUpdate): void;
  latest(): CommittedUpdate | undefined;
  prepare(patch: Patch, options: PrepareOptions): PreparedUpdate;
}
