const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'cli',
  rootDir: __dirname,
  // `tickswap patch publish` and `status` use @tickswap/mqtt-link, whose embedded broker (aedes 1.x) ships only
  // ES modules Jest cannot require on Node 20: compile it to CommonJS like our sources (as mqtt-link's own tests do).
  transform: {
    ...preset.transform,
    '/node_modules/aedes/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!aedes/)'],
};
