/**
 * ESLint (flat config): problems, not style. @eslint/js and typescript-eslint recommended (syntax
 * only, no type information: fast), import-x for cycles and the layer rules of docs/architecture.md.
 * Formatting is not linted. test/architecture.test.ts remains the full layer check (type-only imports,
 * SQL only in src/db); the zones below repeat what a path rule can say, so editors show it too.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const layers = ['core', 'db', 'http', 'server', 'respond', 'cli', 'web'];
const src = (...names) => names.map((n) => `./src/${n}`);
const except = (...names) => layers.filter((l) => !names.includes(l));

export default defineConfig(
  { ignores: ['dist/', 'data/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // Without these, import-x reads no TypeScript module's imports and no-cycle sees nothing.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // Written on purpose across the code base: rows from node-postgres, JSON from the wire.
      '@typescript-eslint/no-explicit-any': 'off',
      // `a && b()`, `c ? d() : e()` as statements are a house style in small scripts and parsers.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Input cleaning matches control characters on purpose (src/core/text).
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/core', from: src(...except('core')), message: 'core imports nothing outside core.' },
            { target: './src/db', from: src(...except('core', 'db')), message: 'db imports only core.' },
            { target: './src/http', from: src(...except('core', 'db', 'http')), message: 'http imports only db and core.' },
            {
              target: ['./src/server/app.ts', './src/server/*/**'],
              from: './src/respond',
              message: 'Only the route table (src/server/routes.ts) mounts the respondent pages.',
            },
            { target: './src/server/routes.ts', from: './src/respond', except: ['./routes.ts'], message: 'The route table needs only respond/routes.ts.' },
            {
              target: './src/respond',
              from: './src/server/**',
              except: ['**/src/server/*/commands/**'],
              message: 'The respondent pages use the server only through its commands (src/server/<feature>/commands/).',
            },
            { target: './src/web', from: src('db', 'http', 'server', 'respond', 'cli'), message: 'web imports core only (core/api as types).' },
            { target: src(...except('cli')), from: './src/cli', message: 'Nothing imports the command line.' },
            { target: './src', from: './bench', message: 'bench stays outside src: start it, do not import it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Plain JavaScript run by Node (bin/) or the browser (the respondent pages' enhancement script).
    files: ['bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Counted against the respondent page's byte budget: written compactly (comma sequences).
    files: ['src/respond/assets/**/*.js'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
    languageOptions: { sourceType: 'script', globals: { svFlow: 'readonly', window: 'readonly', document: 'readonly', fetch: 'readonly', FormData: 'readonly', URLSearchParams: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', location: 'readonly', matchMedia: 'readonly', navigator: 'readonly', sessionStorage: 'readonly', localStorage: 'readonly', Date: 'readonly', history: 'readonly', AbortController: 'readonly', Event: 'readonly' } },
  },
  {
    // The kiosk page's script and service worker (docs/kiosk.md), run by the browser.
    files: ['src/respond/kiosk/**/*.js'],
    languageOptions: { sourceType: 'script', globals: Object.fromEntries(['window', 'document', 'fetch', 'setTimeout', 'clearTimeout', 'setInterval', 'navigator', 'indexedDB', 'crypto', 'btoa', 'Intl', 'TextEncoder', 'self', 'caches', 'Response'].map((g) => [g, 'readonly'])) },
  },
  {
    // The website widget's loader and prompt (src/respond/widget/assets): plain browser scripts on other sites' pages.
    files: ['src/respond/widget/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', location: 'readonly', navigator: 'readonly', localStorage: 'readonly', AbortController: 'readonly', crypto: 'readonly', CSSStyleSheet: 'readonly' } },
  },
);
