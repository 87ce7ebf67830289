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
 * One fresh, migrated database for the whole integration run (embedded, or a uniquely named
 * one on the server in DATABASE_URL). Workers read its URL from REGISTER_TEST_DATABASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now()
  const database = await createTestDatabase(process.env.DATABASE_URL)
  globalThis.__registerTestDatabase = database
  migrateDatabase(database.url, projectDir)
  process.env.REGISTER_TEST_DATABASE_URL = database.url
  process.env.REGISTER_TEST_ADMIN_URL = database.adminUrl
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-test-data-'))
  process.env.REGISTER_TEST_DATA_DIR = dataDir
  console.log(
    `\nTest database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${process.env.DATABASE_URL ? 'external server' : 'embedded'}).`,
  )
}
