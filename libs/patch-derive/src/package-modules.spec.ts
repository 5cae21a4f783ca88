import { DeriveError } from './errors';
import { packageModules } from './package-modules';

const tree = new Map([
  ['index.ts', "export { Base } from './base';\nexport { helper } from './util';\nexport type { Shape } from './util';\nexport { Leaf } from './leaf';\n"],
  ['base.ts', 'export class Base {}\n'],
  ['util.ts', 'export const helper = 1;\nexport const hidden = 2;\nexport interface Shape { x: number }\n'],
  ['leaf.ts', "import { Base } from './base';\nimport { helper } from './util';\nimport type { Shape } from './util';\nexport class Leaf extends Base {}\n"],
  ['twig.ts', "import { Leaf } from './leaf';\nimport { hidden } from './util.js';\nexport class Twig extends Leaf {}\n"],
]);

describe('packageModules', () => {
  it('imports what the package exports from the package, and keeps imports between carried modules relative', () => {
    const modules = packageModules(tree, ['leaf.ts', 'twig.ts'], { packageName: '@x/pkg' });
    expect([...modules.keys()]).toEqual(['leaf.ts', 'twig.ts', 'util.ts']);
    expect(modules.get('leaf.ts')).toBe("import { Base } from '@x/pkg';\nimport { helper } from './util';\nimport type { Shape } from './util';\nexport class Leaf extends Base {}\n");
    expect(modules.get('twig.ts')).toBe("import { Leaf } from './leaf';\nimport { hidden } from './util.js';\nexport class Twig extends Leaf {}\n");
  });

  it('carries a module whose imported names the package does not export', () => {
    const modules = packageModules(tree, ['leaf.ts'], { packageName: '@x/pkg' });
    expect([...modules.keys()]).toEqual(['leaf.ts']);
    expect(modules.get('leaf.ts')).toContain("import { helper } from '@x/pkg';");
  });

  it('refuses an import of a module the sources do not have', () => {
    const broken = new Map(tree).set('leaf.ts', "import { Gone } from './gone';\n");
    expect(() => packageModules(broken, ['leaf.ts'], { packageName: '@x/pkg' })).toThrow(DeriveError);
    expect(() => packageModules(broken, ['leaf.ts'], { packageName: '@x/pkg' })).toThrow('packageModules failed: leaf.ts imports a module the sources do not have; fix the import');
  });
});
