// The layers of tests (DESIGN §9); `npm test` runs them all under Node 24.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];
const base = { testEnvironment: 'node', transform: { '^.+\\.ts$': tsJest }, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    // Ledger conformance: the same suite on SQLite and on a throwaway PostgreSQL.
    { ...base, displayName: 'store', testMatch: ['<rootDir>/test/store/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/setup/long-timeout.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/setup/long-timeout.ts'] },
  ],
};
