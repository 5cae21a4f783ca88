module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'robots',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/test/fast-check-seed.ts'],
};
