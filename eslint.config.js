import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/', 'web/dist/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      // TypeScript checks names itself, with the right globals for Node and the browser.
      'no-undef': 'off',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The data-entry fast path is used through its interface only (its index.ts, decision 0011).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/domain/dataValues/valueStore/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/valueStore/*', '!**/valueStore/index.ts'], message: 'use the value store through its index.ts' }] },
      ],
    },
  },
);
