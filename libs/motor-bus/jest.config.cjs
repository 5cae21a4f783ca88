module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'motor-bus',
  rootDir: __dirname,
};
