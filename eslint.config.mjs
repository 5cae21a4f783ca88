import nx from '@nx/eslint-plugin';

/**
 * Allowed dependency directions (see the design's "Parts and layout"):
 * apps use everything below them; sim and hardware implement the motor-bus
 * interface; `dsu` depends on nothing of this repository.
 */
const depConstraints = [
  { sourceTag: 'layer:app', onlyDependOnLibsWithTags: ['layer:lib', 'layer:interface', 'layer:hardware', 'layer:sim'] },
  { sourceTag: 'layer:tool', onlyDependOnLibsWithTags: ['layer:lib', 'layer:interface', 'layer:hardware', 'layer:sim'] },
  { sourceTag: 'layer:sim', onlyDependOnLibsWithTags: ['layer:lib', 'layer:interface', 'layer:hardware', 'layer:sim'] },
  { sourceTag: 'layer:hardware', onlyDependOnLibsWithTags: ['layer:interface', 'layer:hardware'] },
  { sourceTag: 'layer:lib', onlyDependOnLibsWithTags: ['layer:lib', 'layer:interface'] },
  { sourceTag: 'layer:interface', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:dsu', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'scope:control-loop', onlyDependOnLibsWithTags: ['scope:dsu'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/node_modules', '**/dist', '**/test-output', '**/tmp', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
