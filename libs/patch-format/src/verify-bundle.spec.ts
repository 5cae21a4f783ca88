import { sign } from 'node:crypto';
import { assembleBundle } from './assemble-bundle';
import { bundleDigest } from './bundle-digest';
import {
  BundleDigestError,
  BundleFormatError,
  BundleRefusedError,
  BundleShapeError,
  BundleSignatureError,
  BundleSizeError,
  BundleSyntaxError,
  BundleVersionError,
  UntrustedKeyError,
} from './errors';
import { parseBundle } from './parse-bundle';
import { signedMessage } from './sign-bundle';
import { mutableCopy, PROBE_DECLARATION, probeRuns, RECEIVER, signedProbe, STRANGER, TRUSTED } from './testing/bundle-fixtures';
import { verifyBundle } from './verify-bundle';

const bundle = signedProbe();
const text = JSON.stringify(bundle, null, 2);
const altered = (change: (copy: ReturnType<typeof mutableCopy>) => void) => {
  const copy = mutableCopy(bundle);
  change(copy);
  return JSON.stringify(copy);
};

describe('verifyBundle accepts', () => {
  it('a signed bundle for the running version, as text, bytes or parsed object, without running its code', () => {
    for (const input of [text, Buffer.from(text), new Uint8Array(Buffer.from(text)), JSON.parse(text)]) {
      expect(verifyBundle(input, RECEIVER)).toEqual(bundle);
    }
    expect(probeRuns()).toBe(0);
  });

  it('a bundle that declares the behaviour classes it means, the declaration signed with the rest', () => {
    for (const classes of ['running', 'shipped'] as const) {
      const declaring = signedProbe(undefined, { ...PROBE_DECLARATION, classes });
      expect(verifyBundle(JSON.stringify(declaring), RECEIVER)).toMatchObject({ classes, digest: bundleDigest(declaring) });
      expect(declaring.id).not.toBe(bundle.id);
    }
    expect(bundle).not.toHaveProperty('classes');
  });

  it('and returns it deeply frozen, so nothing changes between verification and load', () => {
    const verified = verifyBundle(text, RECEIVER);
    expect(Object.isFrozen(verified)).toBe(true);
    expect(Object.isFrozen(verified.changes.classes['Probe'])).toBe(true);
    expect(Object.isFrozen(verified.signature)).toBe(true);
  });
});

describe('verifyBundle refuses, with a typed error naming what was wrong', () => {
  const cases: [string, string | Uint8Array, new (...args: never[]) => BundleRefusedError, RegExp][] = [
    ['malformed JSON', text.slice(0, -1), BundleSyntaxError, /^verifyBundle failed: the bundle is not UTF-8 JSON/],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), BundleSyntaxError, /not UTF-8 JSON/],
    ['JSON that is not an object', '[1, 2]', BundleShapeError, /the bundle must be an object, got an array/],
    ['an unknown format version', altered((b) => (b['format'] = 'tickswap.patch/2')), BundleFormatError, /format the string "tickswap.patch\/2" is unknown; this runtime reads tickswap.patch\/1/],
    ['a missing field', altered((b: Record<string, unknown>) => delete b['code']), BundleShapeError, /field 'code' is missing/],
    ['a missing signature field', altered((b) => delete (b.signature as Partial<typeof b.signature>).keyId), BundleShapeError, /field 'signature.keyId' is missing/],
    ['an extra field', altered((b) => (b['author'] = 'me')), BundleShapeError, /field 'author' is not a field of this format \(known: format, id, from, to, changes, classes, code, digest, signature\)/],
    ['an extra nested field', altered((b) => ((b['changes'] as { classes: { Probe: Record<string, unknown> } }).classes.Probe['mode'] = 'x')), BundleShapeError, /field 'changes.classes.Probe.mode' is not a field/],
    ['a wrong type', altered((b) => (b['from'] = 0)), BundleShapeError, /field 'from' must be a version .*, got number 0/],
    ['a wrong kind', altered((b) => ((b['changes'] as { classes: { Probe: { kind: string } } }).classes.Probe.kind = 'swap')), BundleShapeError, /field 'changes.classes.Probe.kind' must be one of "add", "replace", "remove", got the string "swap"/],
    ['a class name that is not an identifier', altered((b) => ((b['changes'] as { classes: object }).classes = { 'no-name': { kind: 'add' } })), BundleShapeError, /field 'changes.classes.no-name' is not an allowed name/],
    ['an unknown meaning of its behaviour classes', altered((b) => (b['classes'] = 'patched')), BundleShapeError, /field 'classes' must be one of "shipped", "running", got the string "patched"/],
    ['a declaration of its behaviour classes added after signing', altered((b) => (b['classes'] = 'running')), BundleDigestError, /the digest does not match/],
    ['a digest in another form', altered((b) => (b['digest'] = 'md5:00')), BundleShapeError, /field 'digest' must be 'sha256:' and 64 lower-case hex digits/],
    ['a signature that is not 64 bytes of base64', altered((b) => (b.signature.value = 'AAAA')), BundleShapeError, /field 'signature.value' must be a 64-byte Ed25519 signature in base64/],
    ['an unsigned bundle', altered((b: Record<string, unknown>) => delete b['signature']), BundleSignatureError, /the bundle is not signed; sign it with `tickswap patch sign/],
    ['code changed after signing', altered((b) => (b.code += '\nglobalThis.evil = 1;')), BundleDigestError, /the digest does not match the content .*: the code or the declaration changed after the build/],
    ['a declaration changed after signing', altered((b) => ((b['changes'] as { validations?: string[] }).validations = ['Probe'])), BundleDigestError, /the digest does not match/],
    ['a signature by another key claiming the trusted id', altered((b) => (b.signature.value = sign(null, signedMessage(bundle.digest), STRANGER.privateKey).toString('base64'))), BundleSignatureError, /the signature does not verify with trusted key [0-9a-f]{16}: the bundle was altered after signing/],
    ['a signature of another digest', altered((b) => (b.signature.value = sign(null, signedMessage(`sha256:${'0'.repeat(64)}`), TRUSTED.privateKey).toString('base64'))), BundleSignatureError, /does not verify/],
    ['a key the robot does not trust', JSON.stringify(signedProbe(undefined, undefined, STRANGER)), UntrustedKeyError, /signed by key [0-9a-f]{16}, which is not trusted here \(trusted: [0-9a-f]{16}\); sign with a key the robot trusts or add its public key/],
  ];

  it.each(cases)('%s', (_what, input, type, message) => {
    const refusal = () => verifyBundle(input, RECEIVER);
    expect(refusal).toThrow(type);
    expect(refusal).toThrow(message);
    expect(refusal).toThrow(BundleRefusedError);
  });

  it('names the field of a shape error in `field`', () => {
    expect(() => verifyBundle(altered((b) => (b['to'] = [])), RECEIVER)).toThrow(expect.objectContaining({ name: 'BundleShapeError', field: 'to' }));
    expect(() => verifyBundle(altered((b) => (b['classes'] = 1)), RECEIVER)).toThrow(expect.objectContaining({ name: 'BundleShapeError', field: 'classes' }));
  });

  it('a bundle larger than the limit, before parsing it', () => {
    expect(() => verifyBundle('x'.repeat(2000), { ...RECEIVER, maxBytes: 1000 })).toThrow(BundleSizeError);
    expect(() => verifyBundle(text, { ...RECEIVER, maxBytes: Buffer.byteLength(text) - 1 })).toThrow(
      new RegExp(`^verifyBundle failed: the bundle is ${Buffer.byteLength(text)} bytes, more than the ${Buffer.byteLength(text) - 1} accepted`),
    );
    expect(verifyBundle(text, { ...RECEIVER, maxBytes: Buffer.byteLength(text) })).toEqual(bundle);
  });

  it('a bundle built for another version than the one running, once it is known to be authentic', () => {
    expect(() => verifyBundle(text, { ...RECEIVER, runningVersion: '3' })).toThrow(BundleVersionError);
    expect(() => verifyBundle(text, { ...RECEIVER, runningVersion: '3' })).toThrow(
      "verifyBundle failed: the patch applies to version '0' but version '3' is running; build a patch from version '3'",
    );
  });

  it('an object with no JSON form', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => verifyBundle(cyclic, RECEIVER)).toThrow(BundleSyntaxError);
    expect(() => verifyBundle(() => 1, RECEIVER)).toThrow(/is not a bundle/);
  });

  it('without ever running the code', () => {
    expect(probeRuns()).toBe(0);
  });
});

describe('parseBundle', () => {
  it('reads an unsigned bundle and checks only what it is', () => {
    const unsigned = assembleBundle({ from: '0', to: '1', changes: { classes: {} } }, 'module.exports = {};');
    expect(parseBundle(JSON.stringify(unsigned))).toEqual(unsigned);
    expect(unsigned.digest).toBe(bundleDigest(unsigned));
    expect(() => parseBundle('{}', { maxBytes: 1 })).toThrow(/^parseBundle failed: the bundle is 2 bytes, more than the 1 accepted/);
    expect(() => parseBundle('{"format": 1}')).toThrow(/^parseBundle failed: format number 1 is unknown/);
  });
});
