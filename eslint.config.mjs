// @ts-check
import eslint from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
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
    files: [
      'libs/database/src/migrations/cli.ts',
      'bench/**',
      'test/support/fake-*/**',
      'test/demo/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // The web app: browser code, accessibility and hook rules.
    files: ['apps/web/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.strict,
    ...reactHooks.configs.flat['recommended-latest'],
    plugins: {
      ...jsxA11y.flatConfigs.strict.plugins,
      ...reactHooks.configs.flat['recommended-latest'].plugins,
    },
    languageOptions: {
      ...jsxA11y.flatConfigs.strict.languageOptions,
      globals: { ...globals.browser },
    },
    rules: {
      ...jsxA11y.flatConfigs.strict.rules,
      ...reactHooks.configs.flat['recommended-latest'].rules,
      // react-aria's components move focus on purpose (a dialog's first action, a picker that opens).
      'jsx-a11y/no-autofocus': ['error', { ignoreNonDOM: true }],
    },
  },
  {
    files: ['apps/web/vite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
