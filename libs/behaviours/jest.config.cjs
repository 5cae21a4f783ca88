module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'behaviours',
  rootDir: __dirname,
};
