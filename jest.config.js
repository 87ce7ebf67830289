/** Jest runs the TypeScript sources directly as ESM through SWC. */
import { buildSync } from 'esbuild'

/**
 * sanitize-html (CommonJS) requires htmlparser2, which is ESM only. Node 20 allows that, Jest's
 * module loader does not: give Jest a CommonJS bundle of htmlparser2 instead, built here once.
 */
const htmlparser2Bundle = 'node_modules/.cache/jest-cjs/htmlparser2.cjs'
buildSync({
  stdin: { contents: "export * from 'htmlparser2'", resolveDir: process.cwd() },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  outfile: htmlparser2Bundle,
  logLevel: 'silent',
})
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        target: 'es2022',
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'es6' },
    },
  ],
}

const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^htmlparser2$': `<rootDir>/${htmlparser2Bundle}`,
    // Admin components import the register's stylesheet; Next compiles it, tests need no styles.
    '\\.s?css$': '<rootDir>/test/support/emptyStylesheet.ts',
  },
  transform,
  testEnvironment: 'node',
}

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
      setupFiles: ['<rootDir>/test/support/setupEnv.ts'],
    },
  ],
  testTimeout: 120000,
}
