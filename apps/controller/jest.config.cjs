const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'controller',
  rootDir: __dirname,
  // The controller starts @tickswap/mqtt-link's embedded broker, aedes 1.x, which ships only ES modules
  // Jest cannot require on Node 20: compile it to CommonJS like our sources (as mqtt-link's own tests do).
  transform: {
    ...preset.transform,
    '/node_modules/aedes/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!aedes/)'],
};
