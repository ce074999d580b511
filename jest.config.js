/** @type {import('jest').Config} */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];
module.exports = {
  testEnvironment: 'node',
  // The pane's React tests drive whole flows (create, type, submit); on a loaded 2-core machine one can take over
  // jest's default 5 s. No test asserts a time, so the limit only has to catch a hang.
  testTimeout: 30000,
  transform: { '^.+\\.tsx?$': tsJest },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  // Slow suites that need installed services run from .ci/run, not from `npm test`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '\\.pg\\.test\\.ts$', '\\.slow\\.test\\.ts$'],
};
