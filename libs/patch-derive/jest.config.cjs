module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'patch-derive',
  rootDir: __dirname,
};
