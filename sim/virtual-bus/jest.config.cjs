module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'virtual-bus',
  rootDir: __dirname,
};
