// Unit tests: pure logic beside the code (*.spec.ts); no network, no database.
module.exports = {
  ...require('./jest.preset'),
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
  // Workers share 2 cores in CI; a unit test is slow there, not wrong.
  testTimeout: 20000,
};
