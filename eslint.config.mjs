// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'libs/database/src/generated/',
      'jest.config.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through AppConfig (@svara/config).',
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // Where the environment is read on purpose: config loading, process entry points, tests.
    files: ['libs/config/src/**', 'apps/*/src/main.ts', 'test/**', 'prisma.config.ts', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { process: 'readonly', module: 'writable' },
    },
  },
  {
    files: ['libs/database/src/migrations/cli.ts', 'bench/**', 'test/support/fake-*/**'],
    rules: { 'no-console': 'off' },
  },
);
