/**
 * Jest runs the tests as ES modules (NestJS 12 is ESM-only). ts-jest only transpiles, as tsconfig.json
 * sets `isolatedModules` (type errors are `npm run typecheck`'s job). The e2e and browser tests run the build `npm test` has just made
 * (`dist/`, as in production): their imports of `src/` and `test/support/` resolve there, so only the
 * test files themselves are compiled here (and the `shared/` lists some import: plain data, the same either way; a
 * mapping to dist/shared would also catch packages' own `../shared/` imports).
 */
const transpile = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};
const relativeTs = { '^(\\.{1,2}/.*)\\.js$': '$1' };
const againstBuild = {
  moduleNameMapper: {
    '^(?:\\.\\./)+src/(.*)\\.js$': '<rootDir>/dist/src/$1.js',
    '^(?:\\.\\./)*(?:\\./)?support/(.*)\\.js$': '<rootDir>/dist/test/support/$1.js',
    ...relativeTs,
  },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
};

export default {
  testTimeout: 60000,
  // Each test file imports the app anew (ES modules in vm contexts), and that memory is not given back: run
  // the files in a worker that is replaced once it holds more than this, even on a 2-CPU machine where
  // Jest would otherwise run them all in its own process (which ran out of heap at 4 GB in CI).
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...transpile,
      moduleNameMapper: relativeTs,
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/shared', '<rootDir>/migrations', '<rootDir>/web/src'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...transpile,
      ...againstBuild,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/test/browser/'],
    },
    {
      // The built app (web/dist included) in Debian's chromium, through playwright-core.
      ...transpile,
      ...againstBuild,
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.e2e-spec.ts'],
    },
  ],
};
