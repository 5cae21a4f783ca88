module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'patch-format',
  rootDir: __dirname,
};
