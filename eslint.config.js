// @ts-check
/**
 * Lint encodes the house's layering so it holds by rule rather than by discipline:
 * - SPA: features don't import other features or `app/`; `lib/` and `components/` don't import features or `app/`.
 * - `contract/` imports only zod (the contract is shared by server and SPA and must stay pure).
 * - Server: `store/` doesn't import the engine or HTTP; `runtime/` doesn't import the engine or the store.
 * - The contract is imported through the one `@contract` alias; no import cycles.
 * - TanStack Query's strict rules; queries are typed by their query factory, never by a `useQuery<T>` generic.
 * Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
 */
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const featureNames = [
  'activity',
  'applications',
  'builds',
  'deployments',
  'logs',
  'namespaces',
  'progressive',
  'release-diff',
  'releases',
  'scopes',
  'strategies',
];

/** Each feature may import itself, shared code and the contract: never another feature or the app. */
const featureZones = featureNames.map((name) => ({
  target: `./src/features/${name}`,
  from: ['./src/features', './src/app'],
  except: [`./${name}`],
  message: 'a feature imports only itself, src/lib, src/components and the contract; compose features in src/app',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'demo-apps/**',
      'test-results/**',
      'playwright-report/**',
      'bench/fixtures/react-baseline/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...featureZones,
            {
              target: ['./src/lib', './src/components'],
              from: ['./src/features', './src/app'],
              message: 'shared code must not depend on features or the app',
            },
            {
              target: './server/store',
              from: ['./server/engine', './server/http', './server/dataplane', './server/runtime'],
              message: 'the store knows nothing of the engine, HTTP or processes',
            },
            {
              target: './server/runtime',
              from: ['./server/engine', './server/store', './server/http'],
              message: 'the runtime (processes and proxies) knows nothing of the engine or the store',
            },
            {
              target: ['./src', './contract'],
              from: './server',
              message: 'the SPA and the contract never import server code',
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // Removing a key from a record built here (a parsed answer, the environment) is what `delete` is for.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // `void` in a conditional type names a handler that answers nothing (server/http/endpoint.ts).
      '@typescript-eslint/no-invalid-void-type': [
        'error',
        { allowInGenericTypeArguments: true, allowAsThisParameter: false },
      ],
      // A getter on an object literal reads its owner through a named alias (`const store = this`).
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['store'] }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', prefer: 'type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A `let` read by a callback before its one assignment (a late-bound handle) must stay a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Playwright's hooks take fixtures first: `({}, testInfo) =>` asks for none.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    // Tests may reach across layers to set up what they test (the app's providers, the fixture upstream's shapes).
    files: ['**/*.test.{ts,tsx}', '**/__tests__/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['contract/**/*.ts'],
    ignores: ['contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|zod/|\\./).*', message: 'contract/ imports only zod and itself' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+contract(/|$)', message: "import the contract through the '@contract/…' alias" },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': tanstackQuery },
    rules: {
      // The rules of hooks and their dependencies; the React Compiler's stricter rules stay off (no compiler here).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...Object.fromEntries(Object.keys(tanstackQuery.rules).map((rule) => [`@tanstack/query/${rule}`, 'error'])),
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^use(Suspense)?Query$/][typeArguments]',
          message: 'type a query by its query factory (queryOptions), not by a useQuery<T> generic',
        },
      ],
    },
  },
  prettier,
);
