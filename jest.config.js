// Unit tests sit beside the code (*.spec.ts); end-to-end tests live in test/ (*.e2e-spec.ts)
// and share one PostgreSQL test database, so `npm test` runs them in band.
// The Digital Bazaar packages (and a few of their dependencies) are ESM-only: @swc/jest turns them
// into CommonJS like our own code; every other package in node_modules is left as it is.
const ESM_PACKAGES = ['@digitalbazaar', 'base58-universal', 'base64url-universal', 'crypto-ld', 'ky'];

const shared = {
  transform: { '^.+\\.(ts|js)$': ['@swc/jest'] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`, '\\.cjs$'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@cascade/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/browser-timeout.ts'],
    },
  ],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
