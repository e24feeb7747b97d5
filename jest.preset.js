// Shared by the unit and e2e configs: TypeScript through SWC (keeps decorator metadata for Nest and TypeORM).
const path = require('node:path');
const swc = require('./.swcrc.jest.json');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@opm/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@opm/platform$': path.join(__dirname, 'libs/platform/src/index.ts'),
    '^@opm/testing$': path.join(__dirname, 'libs/testing/src/index.ts'),
    '^@opm/workflow$': path.join(__dirname, 'libs/workflow/src/index.ts'),
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.local/'],
};
