module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'physics',
  rootDir: __dirname,
};
