/** @type {import('jest').Config} */
// Tests are compiled by swc, file by file, without type-checking: `npm run typecheck` (tsc) checks the types once
// for the whole project, instead of ts-jest building a program for every test file. The options mirror
// tsconfig.json: ES2022 class fields, commonjs with esModuleInterop, React's automatic JSX runtime in .tsx.
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx },
      target: 'es2022',
      transform: { useDefineForClassFields: true, react: { runtime: 'automatic' } },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
module.exports = {
  testEnvironment: 'node',
  // jest's default is one worker less than the cores: on a 2-core machine one worker, running every file in
  // band, one after another. Most of the suite's time is one core's work (generated sheets, 20,000-row plans,
  // React flows), so a worker per core nearly halves it.
  maxWorkers: '100%',
  // The React and 20,000-row files leave a worker holding a gigabyte or more; a worker past this is replaced
  // before its next file instead of slowing every file after it down in garbage collection.
  workerIdleMemoryLimit: '1GB',
  // The pane's React tests drive whole flows (create, type, submit); on a loaded 2-core machine one can take over
  // jest's default 5 s. No test asserts a time, so the limit only has to catch a hang.
  testTimeout: 30000,
  // One migrated embedded database for the whole run, which each server test's database is loaded from.
  globalSetup: '<rootDir>/test/server/dbTemplate.setup.ts',
  globalTeardown: '<rootDir>/test/server/dbTemplate.teardown.ts',
  // The longest files first, the HyperFormula proof among them, also on a run without jest's cache.
  testSequencer: '<rootDir>/test/longFilesFirst.sequencer.js',
  // In jsdom, Fluent UI's style rules stay out of the style sheets (the file says why).
  setupFiles: ['<rootDir>/test/griffelRules.setup.js'],
  transform: { '^.+\\.ts$': swc(false), '^.+\\.tsx$': swc(true) },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  // Slow suites that need installed services run from .ci/run, not from `npm test`; so do the large-scale proofs
  // (`*.scale.test.ts`, `npm run test:scale`), whose smaller versions npm test runs with the same test code.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '\\.pg\\.test\\.ts$', '\\.slow\\.test\\.ts$', '\\.scale\\.test\\.ts$'],
};
