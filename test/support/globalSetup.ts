import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createTestDatabase, migrateDatabase, type TestDatabase } from './testDatabase'

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

declare global {
  var __registerTestDatabase: TestDatabase | undefined
}

/**
 * A fresh, migrated database for the integration run (embedded, or uniquely named on the server
 * in DATABASE_URL), and one copy of it per further Jest worker, so that test files running side
 * by side never see each other's rows. Test files find theirs through setupEnv.ts.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const started = Date.now()
  const database = await createTestDatabase(process.env.DATABASE_URL)
  globalThis.__registerTestDatabase = database
  migrateDatabase(database.url, projectDir)
  const urls = [database.url]
  for (let worker = 2; worker <= Math.max(1, globalConfig.maxWorkers); worker += 1) {
    urls.push(await database.copy(`w${worker}`))
  }
  process.env.REGISTER_TEST_DATABASE_URLS = JSON.stringify(urls)
  process.env.REGISTER_TEST_ADMIN_URL = database.adminUrl
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-test-data-'))
  process.env.REGISTER_TEST_DATA_DIR = dataDir
  console.log(
    `\n${urls.length} test database(s) ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${process.env.DATABASE_URL ? 'external server' : 'embedded'}).`,
  )
}
