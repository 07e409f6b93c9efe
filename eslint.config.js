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

const featureNames = ['activity', 'applications', 'builds', 'deployments', 'logs', 'namespaces', 'progressive', 'release-diff', 'releases', 'scopes', 'strategies'];

/** Each feature may import itself, shared code and the contract: never another feature or the app. */
const featureZones = featureNames.map((name) => ({
  target: `./src/features/${name}`,
  from: ['./src/features', './src/app'],
  except: [`./${name}`],
  message: 'a feature imports only itself, src/lib, src/components and the contract; compose features in src/app',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo-apps/**', 'test-results/**', 'playwright-report/**', 'bench/fixtures/react-baseline/dist/**'] },
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
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['contract/**/*.ts'],
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
        { patterns: [{ regex: '^(\\.\\./)+contract(/|$)', message: "import the contract through the '@contract/…' alias" }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': tanstackQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...Object.fromEntries(Object.keys(tanstackQuery.rules).map((rule) => [`@tanstack/query/${rule}`, 'error'])),
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name=/^use(Suspense)?Query$/][typeArguments]",
          message: 'type a query by its query factory (queryOptions), not by a useQuery<T> generic',
        },
      ],
    },
  },
  prettier,
);
