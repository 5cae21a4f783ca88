/**
 * The sources could not be read or compared: a missing folder or git ref, a
 * source that does not parse, a class declared twice. The message names the
 * method, the file and what to do.
 *
 * @example
 * throw new DeriveError("readSourceDir failed: /tmp/src is not a folder; give the behaviours' source folder");
 */
export class DeriveError extends Error {
  override readonly name = 'DeriveError';
}

/**
 * A rename given by the user (`--rename Class.old=new`, `--no-rename
 * Class.old`) names a class or field the derived changes do not have.
 *
 * @example
 * throw new RenameChoiceError("deriveChanges failed: --rename Pid.gain=ki: Pid has no removed field 'gain'; removed: integral");
 */
export class RenameChoiceError extends Error {
  override readonly name = 'RenameChoiceError';
}
