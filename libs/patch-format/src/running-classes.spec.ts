import * as behaviours from '@tickswap/behaviours';
import { BEHAVIOUR_CLASSES, Pid } from '@tickswap/behaviours';
import { Namespace } from '@tickswap/dsu';
import { modulesFor, withRunningClasses } from './running-classes';

class Probe extends behaviours.Behaviour<number, number> {
  static readonly fields = ['n'] as const;
  n = 0;
  update(): number {
    return this.n;
  }
}

describe('withRunningClasses', () => {
  // A namespace whose classes are not all the package's: one added by a patch, the others shipped.
  const patched = Namespace.of('0', BEHAVIOUR_CLASSES).apply({ from: '0', to: '1', classes: { Probe: { kind: 'add', code: Probe } } });

  it("shows the namespace's classes in the package, keeps its other exports and the other modules", () => {
    const rxjs = { marker: 1 };
    const modules = withRunningClasses({ '@tickswap/behaviours': behaviours, rxjs }, patched);
    const shown = modules['@tickswap/behaviours'] as typeof behaviours & { Probe?: unknown };
    expect(shown.Probe).toBe(Probe);
    expect(shown.Pid).toBe(Pid);
    expect(shown.Behaviour).toBe(behaviours.Behaviour);
    expect(shown.wrapAngle).toBe(behaviours.wrapAngle);
    expect(modules['rxjs']).toBe(rxjs);
    expect('Probe' in behaviours).toBe(false); // the package itself is untouched
  });

  it('reads a lazily given package only when the patch asks for it', () => {
    const read = jest.fn(() => behaviours);
    const lazy = Object.defineProperty({}, '@tickswap/behaviours', { enumerable: true, get: read });
    const modules = withRunningClasses(lazy, patched);
    expect(read).not.toHaveBeenCalled();
    expect((modules['@tickswap/behaviours'] as { Probe?: unknown }).Probe).toBe(Probe);
  });
});

describe('modulesFor', () => {
  const patched = Namespace.of('0', BEHAVIOUR_CLASSES).apply({ from: '0', to: '1', classes: { Probe: { kind: 'add', code: Probe } } });
  const modules = { '@tickswap/behaviours': behaviours };

  it("gives a bundle declaring the running classes the namespace's classes", () => {
    expect((modulesFor({ classes: 'running' }, modules, patched)['@tickswap/behaviours'] as { Probe?: unknown }).Probe).toBe(Probe);
  });

  it('gives a bundle without the declaration, or declaring the shipped classes, the modules as they are', () => {
    expect(modulesFor({}, modules, patched)).toBe(modules);
    expect(modulesFor({ classes: 'shipped' }, modules, patched)).toBe(modules);
  });
});
