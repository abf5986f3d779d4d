/** Jest runs the TypeScript sources as ES modules (NestJS 12 is ESM-only). */
const esm = (tsJest = {}) => ({
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', ...tsJest }],
  },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
});

/**
 * The e2e tests boot the app from the sources, so they compile with the @nestjs/swagger CLI plugin
 * as `nest build` does (nest-cli.json); the plugin needs the whole program, not file-by-file
 * transpiling. Type errors are `npm run typecheck`'s job, hence no diagnostics here (151002 is
 * ts-jest's notice that full-program mode with `nodenext` is its less travelled path).
 */
const withSwaggerPlugin = {
  tsconfig: { isolatedModules: false },
  diagnostics: { exclude: ['**'], ignoreCodes: [151002] },
  astTransformers: { before: ['<rootDir>/test/support/swagger-plugin.cjs'] },
};

export default {
  testTimeout: 60000,
  projects: [
    {
      ...esm(),
      displayName: 'unit',
      roots: ['<rootDir>/src', '<rootDir>/migrations', '<rootDir>/web/src'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...esm(withSwaggerPlugin),
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/test/browser/'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
    {
      // The built app (web/dist included) in Debian's chromium, through playwright-core.
      ...esm(),
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
