module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'dynamixel',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/test/fast-check-seed.cjs'],
};
