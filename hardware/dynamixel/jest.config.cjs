module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'dynamixel',
  rootDir: __dirname,
};
