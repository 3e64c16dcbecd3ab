// ESLint over the bridge's sources, the scripts, the benchmarks and the tests' Node code (scripts/lint runs it).
// lib/index.js is the esbuild bundle of lib/src, so it is not linted itself.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['**/node_modules/**', 'lib/index.js', 'connector/*/package/**', 'artifacts/**', '**/bin/**', '**/obj/**'],
  },
  {
    files: ['eslint.config.js', 'lib/src/**/*.js', 'scripts/*.mjs', 'bench/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: { ecmaVersion: 2025, sourceType: 'module', globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...js.configs.recommended.rules,
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true }],
      'no-unused-vars': ['error', { args: 'after-used', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      'array-callback-return': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-throw-literal': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // Only the Logto-facing modules know connector-kit; the transport (host process, RPC, framing, platform) stays free of
    // it, so it can be tested and reused without a Logto instance.
    files: ['lib/src/**/*.js'],
    ignores: ['lib/src/index.js', 'lib/src/logto-errors.js'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@logto/connector-kit', message: 'Logto types belong in index.js or logto-errors.js.' }] },
      ],
    },
  },
];
