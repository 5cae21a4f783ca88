import { DEFAULT_MAX_BUNDLE_BYTES, type PatchBundle } from './bundle';
import { checkBundleShape } from './bundle-shape';
import { BundleSizeError, BundleSyntaxError } from './errors';

/** Options of `parseBundle`. */
export interface ParseOptions {
  /** The largest bundle accepted, in bytes of JSON (default {@link DEFAULT_MAX_BUNDLE_BYTES}). */
  readonly maxBytes?: number;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A bundle from its JSON text or bytes, checked for size before it is even
 * parsed, then for JSON, format and shape. `method` names the caller.
 *
 * @example
 * const bundle = readBundle(payload, 1024 * 1024, 'verifyBundle');
 */
export function readBundle(input: string | Uint8Array, maxBytes: number, method: string): PatchBundle {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > maxBytes) {
    throw new BundleSizeError(`${method} failed: the bundle is ${bytes} bytes, more than the ${maxBytes} accepted; keep patches small or raise maxBytes where they are received`);
  }
  let value: unknown;
  try {
    value = JSON.parse(typeof input === 'string' ? input : UTF8.decode(input));
  } catch (error) {
    throw new BundleSyntaxError(`${method} failed: the bundle is not UTF-8 JSON (${String(error)}); send the file \`tickswap patch build\` wrote, unedited`, {
      cause: error,
    });
  }
  return checkBundleShape(value, method);
}

/**
 * Parses a bundle (JSON text or bytes, such as an MQTT payload) and checks
 * its size, format and shape; verifies nothing else (see `verifyBundle`).
 * Throws `BundleSizeError`, `BundleSyntaxError`, `BundleFormatError` or
 * `BundleShapeError` (which names the field).
 *
 * @example
 * const bundle = parseBundle(await readFile('pid.bundle.json'));
 * console.log(bundle.id, bundle.from, '->', bundle.to);
 */
export function parseBundle(input: string | Uint8Array, options: ParseOptions = {}): PatchBundle {
  return readBundle(input, options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES, 'parseBundle');
}
