import type { Namespace, Patch } from '@tickswap/dsu';
import { loadBundle, modulesFor, verifyBundle, type TrustedKeys, type VerifiedBundle } from '@tickswap/patch-format';
import { CONTROLLER_MODULES } from './controller-modules';

/** A bundle checked for a namespace, and the patch its code exports. */
export interface LoadedBundle {
  readonly verified: VerifiedBundle;
  readonly patch: Patch;
}

/**
 * The one way the controller takes a bundle, whether it arrives over MQTT,
 * from a save in live development or from the store at a restart: verified
 * (trusted signature, digest, built for the version `namespace` is at), then
 * loaded with the controller's own modules, showing `namespace`'s classes to
 * a bundle that declares it means the running ones (`modulesFor`). Throws
 * patch-format's typed errors.
 *
 * @example
 * const { verified, patch } = loadBundleFor(bundle, trustedKeys, controller.live.namespace);
 */
export function loadBundleFor(bundle: string | Uint8Array | object, trustedKeys: TrustedKeys, namespace: Namespace): LoadedBundle {
  const verified = verifyBundle(bundle, { trustedKeys, runningVersion: namespace.version });
  return { verified, patch: loadBundle(verified, { modules: modulesFor(verified, CONTROLLER_MODULES, namespace) }) };
}
