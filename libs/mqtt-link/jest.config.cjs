const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'mqtt-link',
  rootDir: __dirname,
  // aedes 1.x ships only ES modules, which Jest cannot require on Node 20: compile it to CommonJS like our sources.
  transform: {
    ...preset.transform,
    '/node_modules/aedes/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!aedes/)'],
};
