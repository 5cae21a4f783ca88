module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'control-loop',
  rootDir: __dirname,
};
