import fc from 'fast-check';
import { RenameChoiceError } from './errors';
import { nextVersion, parseRenameChoices } from './rename-choices';

describe('parseRenameChoices', () => {
  it('reads comma-separated renames and refusals', () => {
    expect(parseRenameChoices('Pid.integral=integralSum, Odometry.x=px', 'Pid.output')).toEqual({
      rename: { 'Pid.integral': 'integralSum', 'Odometry.x': 'px' },
      noRename: ['Pid.output'],
    });
    expect(parseRenameChoices(undefined, undefined)).toEqual({ rename: {}, noRename: [] });
  });

  it.each([
    ['integral=integralSum', undefined, "--rename 'integral=integralSum' is not Class.old=new"],
    ['Pid.integral=', undefined, "--rename 'Pid.integral=' is not Class.old=new"],
    ['Pid.a=b=c', undefined, "--rename 'Pid.a=b=c' is not Class.old=new"],
    [undefined, 'Pid', "--no-rename 'Pid' is not Class.field"],
  ])('refuses %s / %s', (rename, noRename, message) => {
    expect(() => parseRenameChoices(rename, noRename)).toThrow(RenameChoiceError);
    expect(() => parseRenameChoices(rename, noRename)).toThrow(message);
  });

  it('never throws anything but RenameChoiceError, whatever it is given', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (rename, noRename) => {
        try {
          parseRenameChoices(rename ?? undefined, noRename ?? undefined);
        } catch (error) {
          expect(error).toBeInstanceOf(RenameChoiceError);
        }
      }),
    );
  });
});

describe('nextVersion', () => {
  it('counts whole numbers up and marks other versions', () => {
    expect(nextVersion('0')).toBe('1');
    expect(nextVersion('41')).toBe('42');
    expect(nextVersion('1.2-dev')).toBe('1.2-dev+1');
  });
});
