// ESLint flat config: typescript-eslint's recommended rules for the server, the web app, shared/, migrations and tests.
// Formatting is Prettier's job (`npm run format`); ESLint only judges the code. No
// consistent-type-imports: Nest's dependency injection needs the classes imported as values.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { dirname, relative, resolve } from 'node:path';

const root = import.meta.dirname;
/** Where a relative import lands, from the repository's root (`src/…`, `web/src/…`); null for a package. */
const target = (file, source) => (source.startsWith('.') ? relative(root, resolve(dirname(file), source)) : null);
/** What a file may not import, by where it is; null when it may import anything. */
function refusal(file, to) {
  if (file.startsWith('src/') && to?.startsWith('web/'))
    return 'The server does not import the web app; code both run goes in shared/.';
  if (file.startsWith('web/src/') && to?.startsWith('src/'))
    return 'The web app does not import the server; code both run goes in shared/.';
  // Its tests run in Jest, on Node; the modules themselves must run as they are on both sides.
  if (file.startsWith('shared/') && !file.endsWith('.spec.ts') && !to?.startsWith('shared/'))
    return 'shared/ imports only other shared/ modules: no package, no node: module, nothing from src/ or web/.';
  return null;
}
/** Fails an import (or re-export, or `import()`) that crosses between the server and the web app. */
const seam = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = relative(root, context.filename);
    const check = ({ source }) => {
      if (typeof source?.value !== 'string') return;
      const message = refusal(file, target(context.filename, source.value));
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'uploads/',
      'web/dist/',
      'generated/',
      'test-artifacts/',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  { files: ['web/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // React's rules of hooks and effect dependencies, for the web app.
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // The seam between the two sides: the server and the web app share code only through shared/.
  { plugins: { cjn: { rules: { seam } } }, rules: { 'cjn/seam': 'error' } },
  // A server file past 300 lines is asking to be split by use case (STYLE.md, issue 24). Every line
  // counts, blank and comment lines too (skipBlankLines/skipComments off): the number is the one
  // `wc -l` shows, and a file cannot grow past it by its comments. Tests and migrations (outside src/) are exempt.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
);
