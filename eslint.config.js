// ESLint (flat config): typescript-eslint's recommended rules, every rule of Microsoft's
// eslint-plugin-office-addins as an error, and the folder boundaries of design.md.
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

const officeRulesAsErrors = Object.fromEntries(Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, 'error']));

/** No `Excel.` or `Office.` outside src/office: the rest of the code talks to the workbook port. */
const noOfficeGlobals = {
  'no-restricted-globals': [
    'error',
    { name: 'Excel', message: 'Office.js lives in src/office only; use the workbook port.' },
    { name: 'Office', message: 'Office.js lives in src/office only; use the workbook port.' },
    { name: 'OfficeExtension', message: 'Office.js lives in src/office only; use the workbook port.' },
  ],
};

const importsOnly = (allowed, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: allowed.map((p) => `**/${p}/**`).concat(allowed.map((p) => `**/${p}`)), message }] }],
});

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test-artifacts/', '.scorebook-data/', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeRulesAsErrors,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts', 'src/**/*.tsx'], ignores: ['src/office/**'], rules: noOfficeGlobals },
  {
    files: ['src/domain/**/*.ts'],
    rules: importsOnly(['workbook', 'office', 'api', 'taskpane', 'preview', 'server', 'cli'], 'src/domain imports nothing outside itself (design.md).'),
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: importsOnly(['office', 'api', 'taskpane', 'preview', 'server', 'cli'], 'src/workbook may import only src/domain.'),
  },
  {
    files: ['src/api/**/*.ts'],
    rules: importsOnly(['workbook', 'office', 'taskpane', 'preview', 'server', 'cli'], 'src/api may import only src/domain.'),
  },
  {
    files: ['src/documents/**/*.ts'],
    rules: importsOnly(['workbook', 'office', 'api', 'taskpane', 'preview', 'server', 'cli'], 'src/documents may import only src/domain.'),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: importsOnly(['workbook', 'office', 'taskpane', 'preview', 'cli'], 'src/server may import only src/domain, src/api and src/documents.'),
  },
);
