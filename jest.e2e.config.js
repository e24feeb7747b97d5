// Integration and e2e tests: real PostgreSQL and Kafka, services started as OS processes from dist/.
module.exports = {
  ...require('./jest.preset'),
  testMatch: ['<rootDir>/{apps,libs}/**/test/**/*.e2e-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
