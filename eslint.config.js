// ESLint (flat config): typescript-eslint's recommended rules, every rule of Microsoft's
// eslint-plugin-office-addins as an error, React's rules of hooks, no import cycles, and the folder boundaries of
// design.md (each src/ folder imports only the folders its row allows).
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const reactHooks = require('eslint-plugin-react-hooks');
const { importX, createNodeResolver } = require('eslint-plugin-import-x');

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

const FOLDERS = ['domain', 'workbook', 'office', 'api', 'taskpane', 'preview', 'server', 'cli', 'documents'];

/**
 * The folder may import only itself and `allowed` (design.md's "may import" column); `inside` are folders it may
 * import only through their index (`../server`, never `../server/db/…`).
 */
const importsOnly = (folder, allowed, message, inside = []) => {
  const denied = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const group = denied.flatMap((f) => [`**/${f}`, `**/${f}/**`]).concat(inside.map((f) => `**/${f}/**`));
  return { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] };
};

const layer = (folder, allowed, message, inside) => ({
  files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
  rules: importsOnly(folder, allowed, message, inside),
});

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test-artifacts/', '.scorebook-data/', '.cache/', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeRulesAsErrors,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // React code and its tests; the server tests' `useHarness` is a jest fixture, not a hook.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.tsx', 'test/taskpane/**/*.ts', 'test/preview/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  { files: ['src/**/*.ts', 'src/**/*.tsx'], ignores: ['src/office/**'], rules: noOfficeGlobals },
  layer('domain', [], 'src/domain imports nothing outside itself (design.md).'),
  layer('workbook', ['domain'], 'src/workbook may import only src/domain.'),
  layer('api', ['domain'], 'src/api may import only src/domain.'),
  layer('server', ['domain', 'api', 'documents'], 'src/server may import only src/domain, src/api and src/documents.'),
  layer('documents', ['domain'], 'src/documents may import only src/domain.'),
  layer(
    'taskpane',
    ['domain', 'workbook', 'api', 'documents'],
    'src/taskpane may import only src/domain, src/workbook and src/api (never Office.js code or the preview).',
  ),
  {
    // The report document (pdfkit, fontkit, docx: most of a megabyte) is loaded on demand: the pane may name its
    // types, and `import()` it (reportDownload.ts), but never import it statically into its initial JavaScript.
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/documents', '**/documents/**'],
              allowTypeImports: true,
              message:
                'src/taskpane loads src/documents on demand only: `import type`, or `import()` of documents/browser (reportDownload.ts).',
            },
          ],
        },
      ],
    },
  },
  layer(
    'office',
    ['domain', 'workbook'],
    'src/office may import only src/workbook and src/domain (the task pane only in taskpaneEntry.tsx).',
  ),
  layer(
    'preview',
    ['domain', 'workbook'],
    'src/preview may import only src/workbook and src/domain (the task pane only in PreviewApp.tsx).',
  ),
  // The composition roots, where the task pane is mounted on the Office port or on the browser workbook.
  {
    files: ['src/office/taskpaneEntry.tsx'],
    rules: importsOnly('office', ['domain', 'workbook', 'taskpane'], 'The add-in mounts the task pane on the Office port; nothing else.'),
  },
  {
    files: ['src/preview/PreviewApp.tsx'],
    rules: importsOnly(
      'preview',
      ['domain', 'workbook', 'taskpane'],
      'The preview mounts the task pane on the browser workbook; nothing else.',
    ),
  },
  layer(
    'cli',
    ['domain', 'workbook', 'api', 'server', 'documents'],
    'src/cli may import src/domain, src/workbook, src/api, src/documents and the server only through its surface (src/server/index.ts).',
    ['server'],
  ),
);
