// Projects: `unit` (pure logic, no I/O), `integration` and `faults` (real
// Postgres, Redis and the built apps; see test/support/global-setup.ts) and
// `e2e` (Chromium driving the built web app, served by the built api).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// request-filtering-agent ships only ES modules, which Jest cannot require on
// Node 20: compile it with the rest.
const ESM_ONLY = ['request-filtering-agent'];
const transform = {
  '^.+\\.ts$': swc,
  [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swc,
};
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`];

const moduleNameMapper = {
  '^@svara/testing$': '<rootDir>/test/support',
  '^@svara/(.*)$': '<rootDir>/libs/$1/src',
};

module.exports = {
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
      // The web app's tests run in Vitest (npm run test:web), in a browser-like environment.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: [
        '<rootDir>/test/support/file-database.ts',
        '<rootDir>/test/support/setup-env.ts',
      ],
    },
    {
      displayName: 'faults',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: [
        '<rootDir>/test/support/file-database.ts',
        '<rootDir>/test/support/setup-env.ts',
      ],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeout.ts'],
    },
  ],
};
