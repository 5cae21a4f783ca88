module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'dsu',
  rootDir: __dirname,
};
