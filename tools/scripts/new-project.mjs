// Workspace generator: `node tools/scripts/new-project.mjs <group>/<name> <tag,tag>`
// lays out a project the way every tickswap project is laid out (package with a
// source export condition, Nx tags, strict tsconfig, Jest preset, index.ts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [location, tagList] = process.argv.slice(2);
const GROUPS = { apps: 'application', libs: 'library', hardware: 'library', sim: 'library', tools: 'library' };
const [group, name] = (location ?? '').split('/');
if (!group || !name || !(group in GROUPS) || !tagList) {
  console.error('usage: node tools/scripts/new-project.mjs <apps|libs|hardware|sim|tools>/<name> <tag,tag>');
  process.exit(2);
}
const root = new URL('../..', import.meta.url).pathname;
const dir = join(root, group, name);
if (existsSync(dir)) {
  console.error(`new-project: ${group}/${name} exists already`);
  process.exit(2);
}
const write = (file, value) => {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2) + '\n');
};

write('package.json', {
  name: `@tickswap/${name}`,
  version: '0.1.0',
  private: true,
  exports: { '.': { '@tickswap/source': './src/index.ts' } },
});
write('project.json', {
  name,
  $schema: '../../node_modules/nx/schemas/project-schema.json',
  sourceRoot: `${group}/${name}/src`,
  projectType: GROUPS[group],
  tags: tagList.split(','),
  targets: { typecheck: {} },
});
write('tsconfig.json', {
  extends: '../../tsconfig.base.json',
  compilerOptions: { types: ['node', 'jest'] },
  include: ['src/**/*.ts', 'test/**/*.ts'],
});
write(
  'jest.config.cjs',
  `module.exports = {\n  ...require('../../jest.preset.cjs'),\n  displayName: '${name}',\n  rootDir: __dirname,\n};\n`,
);
write('src/index.ts', `// Public API of @tickswap/${name}: every export is named here.\nexport {};\n`);
console.log(`created ${group}/${name}`);
