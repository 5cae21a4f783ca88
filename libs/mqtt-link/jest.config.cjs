module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'mqtt-link',
  rootDir: __dirname,
};
