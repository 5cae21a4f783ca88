/**
 * A bundle the robot must not run: every refusal of `parseBundle`,
 * `verifyBundle` and `loadBundle` is one of its subclasses, so a receiver can
 * report any of them with one `catch` (the subclass's `name` says which).
 *
 * @example
 * try { verifyBundle(payload, options); } catch (error) { if (error instanceof BundleRefusedError) report(error.name, error.message); }
 */
export class BundleRefusedError extends Error {
  override readonly name: string = 'BundleRefusedError';
}

/**
 * The bundle is not JSON (or not UTF-8).
 *
 * @example
 * new BundleSyntaxError("parseBundle failed: not JSON (Unexpected token 'x'); send the file `tickswap patch build` wrote");
 */
export class BundleSyntaxError extends BundleRefusedError {
  override readonly name = 'BundleSyntaxError';
}

/**
 * The bundle's `format` is not one this runtime reads.
 *
 * @example
 * new BundleFormatError("verifyBundle failed: format 'tickswap.patch/2' is unknown; this robot reads tickswap.patch/1");
 */
export class BundleFormatError extends BundleRefusedError {
  override readonly name = 'BundleFormatError';
}

/**
 * A field of the bundle is missing, unexpected or of the wrong type; `field`
 * is its dotted path (`changes.classes.Pid.kind`).
 *
 * @example
 * new BundleShapeError("verifyBundle failed: field 'code' is missing; ...", 'code');
 */
export class BundleShapeError extends BundleRefusedError {
  override readonly name = 'BundleShapeError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * The bundle is larger than the receiver accepts.
 *
 * @example
 * new BundleSizeError('verifyBundle failed: the bundle is 2000000 bytes, the limit is 1048576; ...');
 */
export class BundleSizeError extends BundleRefusedError {
  override readonly name = 'BundleSizeError';
}

/**
 * The digest does not match the content: something changed after the build.
 *
 * @example
 * new BundleDigestError('verifyBundle failed: the digest does not match the content; ...');
 */
export class BundleDigestError extends BundleRefusedError {
  override readonly name = 'BundleDigestError';
}

/**
 * The bundle is unsigned, or its signature does not verify with the key it names.
 *
 * @example
 * new BundleSignatureError('verifyBundle failed: the signature does not verify with trusted key 3f2a...; ...');
 */
export class BundleSignatureError extends BundleRefusedError {
  override readonly name = 'BundleSignatureError';
}

/**
 * The bundle is signed by a key the receiver does not trust.
 *
 * @example
 * new UntrustedKeyError('verifyBundle failed: key 3f2a... is not trusted; ...', '3f2a0c1d2e3f4a5b');
 */
export class UntrustedKeyError extends BundleRefusedError {
  override readonly name = 'UntrustedKeyError';
  constructor(
    message: string,
    readonly keyId: string,
  ) {
    super(message);
  }
}

/**
 * The bundle applies to another version than the one running.
 *
 * @example
 * new BundleVersionError("verifyBundle failed: the patch applies to version '1' but '2' is running; ...");
 */
export class BundleVersionError extends BundleRefusedError {
  override readonly name = 'BundleVersionError';
}

/**
 * The bundle's code could not be loaded: not verified first, threw while
 * loading, required a module the host does not provide, exported no patch.
 *
 * @example
 * new BundleLoadError('loadBundle failed: the code threw while loading (Error: boom); ...', { cause });
 */
export class BundleLoadError extends BundleRefusedError {
  override readonly name = 'BundleLoadError';
}

/**
 * The loaded patch differs from the changes the bundle declares.
 *
 * @example
 * new BundleDeclarationError("loadBundle failed: the loaded patch differs from the declaration at 'classes.Pid.rename'; ...");
 */
export class BundleDeclarationError extends BundleRefusedError {
  override readonly name = 'BundleDeclarationError';
}

/**
 * A patch package could not be built into a bundle, or imported from source.
 *
 * @example
 * new BundleBuildError('buildBundle failed: patches/x/patch.ts does not exist; ...');
 */
export class BundleBuildError extends Error {
  override readonly name = 'BundleBuildError';
}

/**
 * A key file could not be read or written, or a key is of the wrong kind.
 *
 * @example
 * new PatchKeyError('readPrivateKey failed: keys/desk.key is readable by other users (mode 644); run chmod 600 keys/desk.key');
 */
export class PatchKeyError extends Error {
  override readonly name = 'PatchKeyError';
}
