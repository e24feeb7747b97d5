// Integration tests: a service's modules against the real PostgreSQL (fresh database per file), no HTTP, no Kafka.
module.exports = {
  ...require('./jest.preset'),
  testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
