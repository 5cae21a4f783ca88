module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'physics',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/test/fast-check-seed.ts'],
};
