// Unit tests run in milliseconds on pure TypeScript; API tests boot a real Strapi per file
// (compiled once in globalSetup) on its own database and Redis prefix.
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest'] };

module.exports = {
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  // Booting Strapi and building its schema takes seconds on a 2-core machine.
  testTimeout: 120000,
  maxWorkers: process.env.JEST_WORKERS ? Number(process.env.JEST_WORKERS) : 2,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'api',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts', '<rootDir>/tests/e2e/**/*.test.ts', '<rootDir>/tests/reliability/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/tests/helpers/env.js'],
    },
  ],
};
