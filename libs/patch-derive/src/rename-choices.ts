import type { RenameChoices } from './derive-changes';
import { RenameChoiceError } from './errors';

const FIELD = /^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/;
const list = (text: string | undefined): string[] => (text ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');

/**
 * The rename choices of a command line: `--rename Class.old=new[,...]` and
 * `--no-rename Class.old[,...]`. Throws RenameChoiceError for an item of
 * another form.
 *
 * @example
 * parseRenameChoices('Pid.integral=integralSum', 'Pid.output'); // { rename: { 'Pid.integral': 'integralSum' }, noRename: ['Pid.output'] }
 */
export function parseRenameChoices(rename: string | undefined, noRename: string | undefined): RenameChoices {
  const renames: Record<string, string> = {};
  for (const item of list(rename)) {
    const [from = '', to = '', extra] = item.split('=');
    if (!FIELD.test(from) || !/^[A-Za-z_$][\w$]*$/.test(to) || extra !== undefined) {
      throw new RenameChoiceError(`parseRenameChoices failed: --rename '${item}' is not Class.old=new (e.g. Pid.integral=integralSum)`);
    }
    renames[from] = to;
  }
  const refused = list(noRename);
  const bad = refused.find((item) => !FIELD.test(item));
  if (bad !== undefined) throw new RenameChoiceError(`parseRenameChoices failed: --no-rename '${bad}' is not Class.field (e.g. Pid.integral)`);
  return { rename: renames, noRename: refused };
}

/**
 * The version after `version`: the next whole number, or `<version>+1` for a version that is not one.
 *
 * @example
 * nextVersion('0'); // '1'
 * nextVersion('1.2-dev'); // '1.2-dev+1'
 */
export function nextVersion(version: string): string {
  return /^\d+$/.test(version) ? String(Number(version) + 1) : `${version}+1`;
}
