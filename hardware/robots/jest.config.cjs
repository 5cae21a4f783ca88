module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'robots',
  rootDir: __dirname,
};
