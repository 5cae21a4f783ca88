import { MessageSchemaError } from './errors';
import { parseJson } from './message-codec';
import type { RejectReason } from './reasons';

/** A bundle payload as the agent reads it, before any stage ran. */
export type ReadBundle =
  | { readonly bundle: Readonly<Record<string, unknown>>; readonly patchId: string | null }
  | { readonly refusal: { readonly reason: RejectReason; readonly message: string }; readonly patchId: string | null };

/**
 * The id a bundle claims (its `id` field, 1 to 128 characters), `null` if
 * none. Unverified: used to label results until the verify stage passed.
 *
 * @example
 * claimedPatchId({ id: 'pid-gain-2', format: 1 }); // 'pid-gain-2'
 */
export function claimedPatchId(bundle: unknown): string | null {
  if (typeof bundle !== 'object' || bundle === null) return null;
  const id = (bundle as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
}

/**
 * Reads a patch payload: refuses one larger than `maxBytes` before parsing
 * it, then anything that is not a UTF-8 JSON object. Never throws.
 *
 * @example
 * const read = readBundle(payload, 256 * 1024);
 * if ('refusal' in read) reject(read.refusal); else enqueue(read.bundle);
 */
export function readBundle(payload: Uint8Array, maxBytes: number): ReadBundle {
  if (payload.length > maxBytes) {
    const message = `PatchAgent#receive refused the bundle: ${payload.length} bytes, more than the limit of ${maxBytes}; make the patch smaller or raise maxBundleBytes on the robot`;
    return { refusal: { reason: 'too-large', message }, patchId: null };
  }
  let json: unknown;
  try {
    json = parseJson(payload, 'PatchAgent#receive');
  } catch (error) {
    return { refusal: { reason: 'malformed-json', message: (error as MessageSchemaError).message }, patchId: null };
  }
  const patchId = claimedPatchId(json);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const message = `PatchAgent#receive refused the bundle: it is ${Array.isArray(json) ? 'an array' : `a JSON ${json === null ? 'null' : typeof json}`}, not a JSON object; publish a signed patch bundle`;
    return { refusal: { reason: 'invalid-bundle', message }, patchId };
  }
  return { bundle: json as Record<string, unknown>, patchId };
}
