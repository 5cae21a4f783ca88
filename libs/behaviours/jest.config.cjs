module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'behaviours',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/test/fast-check-seed.ts'],
};
