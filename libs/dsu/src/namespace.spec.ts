import { DeclarationError, PatchVersionError } from './errors';
import { Namespace } from './namespace';
import type { PatchStep } from './patch';

class Base {
  static readonly fields = ['id'];
  static readonly staticFields = ['count'];
  static count = 0;
  id = 0;
}
class Pid extends Base {
  static override readonly fields = ['kp', 'ki'];
  kp = 1;
  ki = 0;
}
class Pid2 extends Base {
  static override readonly fields = ['kp', 'gain'];
  kp = 1;
  gain = 0;
}
class Drive {
  static readonly fields = ['left', 'right'];
  left = 0;
  right = 0;
}

const v1 = () => Namespace.of('1', { Base, Pid, Drive });
const refuse = (patch: Omit<PatchStep, 'from' | 'to'>) => () => v1().apply({ from: '1', to: '2', ...patch });

describe('Namespace', () => {
  it('reads class descriptors from the static field declarations', () => {
    expect(v1().descriptor('Pid')).toEqual({ name: 'Pid', superclass: 'Base', ownFields: ['kp', 'ki'], fields: ['id', 'kp', 'ki'], staticFields: [], version: '1' });
    expect(v1().descriptor('Base').staticFields).toEqual(['count']);
    expect(v1().nameOfPrototype(Pid.prototype)).toBe('Pid');
  });

  it('refuses bad declarations', () => {
    class Loose extends Drive {}
    class Twice { static readonly fields = ['a', 'a']; }
    class Again extends Drive { static override readonly fields = ['left']; }
    expect(() => Namespace.of('1', { Loose })).toThrow(/extends 'Drive', which is not in the namespace/);
    expect(() => Namespace.of('1', { Twice })).toThrow(DeclarationError);
    expect(() => Namespace.of('1', { Drive, Again })).toThrow(/redeclares inherited field 'left'/);
  });

  it('applies a patch into a new namespace and leaves the old one untouched', () => {
    const before = v1();
    const after = before.apply({ from: '1', to: '2', classes: { Pid: { kind: 'replace', code: Pid2, rename: { ki: 'gain' } } } });
    expect(after.version).toBe('2');
    expect(after.get('Pid')).toBe(Pid2);
    expect(after.descriptor('Pid').version).toBe('2');
    expect(after.descriptor('Drive').version).toBe('1');
    expect(before.get('Pid')).toBe(Pid);
    expect(before.version).toBe('1');
  });

  it('refuses a patch for another version', () => {
    expect(() => v1().apply({ from: '0', to: '2' })).toThrow(PatchVersionError);
    expect(() => v1().apply({ from: '0', to: '2' })).toThrow("Namespace#apply failed: patch applies to version '0' but version '1' is running");
  });

  it('refuses unknown classes, a class added twice and a replace without new code', () => {
    expect(refuse({ classes: { Nope: { kind: 'replace', code: Pid2 } } })).toThrow(/replaces unknown class 'Nope'/);
    expect(refuse({ classes: { Drive: { kind: 'add', code: Drive } } })).toThrow(/adds class 'Drive' that already exists/);
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive } } })).toThrow(/replace needs new code/);
    expect(refuse({ validations: { Nope: () => undefined } })).toThrow(/validation for unknown class 'Nope'/);
  });

  it('refuses field changes that do not fit, naming the change', () => {
    class Drive2 { static readonly fields = ['left', 'right', 'extra']; }
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive2, rename: { left: 'right' } } } })).toThrow(
      "Namespace#apply failed: class 'Drive' field 'left': rename target 'right' already exists; rename to a free name or remove 'right' first",
    );
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive2, rename: { nope: 'x' } } } })).toThrow(/renames unknown field 'nope'/);
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive2, remove: ['nope'] } } })).toThrow(/removes unknown field 'nope'/);
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive2 } } })).toThrow(/declares field 'extra' that the patch neither adds nor renames into/);
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive2, add: { extra: { value: [] } } } } })).toThrow(/would be shared by every instance/);
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive2, add: { extra: { value: 0 }, left: { value: 0 } } } } })).toThrow(/adds field 'left' that already exists/);
    class Drive3 { static readonly fields = ['left']; }
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive3 } } })).toThrow(/keeps field 'right' but the new code does not declare it/);
    expect(refuse({ classes: { Drive: { kind: 'replace', code: Drive3, remove: ['right'], transform: { nope: (v) => v } } } })).toThrow(/unknown field 'nope'/);
  });

  it('refuses hierarchy errors: a subclass left on replaced code, an undeclared superclass change, a cycle', () => {
    class Base2 { static readonly fields = ['id']; static readonly staticFields = ['count']; static count = 0; }
    expect(refuse({ classes: { Base: { kind: 'replace', code: Base2 } } })).toThrow(
      "Namespace#apply failed: class 'Pid' extends the replaced or removed class 'Base' of version '1'; add new code for 'Pid' built against the new 'Base'",
    );
    class Loose { static readonly fields = ['kp', 'ki']; }
    expect(refuse({ classes: { Pid: { kind: 'replace', code: Loose, remove: [] } } })).toThrow(/its code extends 'nothing' but the patch declares 'Base'/);
    expect(refuse({ classes: { Base: { kind: 'replace', code: Base2, superclass: 'Pid' }, Pid: { kind: 'replace', code: Pid2 } } })).toThrow(
      /cycle in the hierarchy: (Base -> Pid -> Base|Pid -> Base -> Pid)/,
    );
  });
});
