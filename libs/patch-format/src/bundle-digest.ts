import { createHash } from 'node:crypto';
import type { PatchBundle } from './bundle';
import { canonicalJson } from './canonical-json';

/**
 * The hex SHA-256 of a UTF-8 string or bytes.
 *
 * @example
 * sha256Hex('abc').slice(0, 8); // 'ba7816bf'
 */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The digest a bundle must carry: `sha256:` and the SHA-256 of the canonical
 * JSON of every field but `digest` and `signature`.
 *
 * @example
 * bundle.digest === bundleDigest(bundle); // unchanged since the build
 */
export function bundleDigest(bundle: Omit<PatchBundle, 'digest' | 'signature'>): string {
  const { digest: _digest, signature: _signature, ...content } = bundle as PatchBundle;
  return `sha256:${sha256Hex(canonicalJson(content))}`;
}
