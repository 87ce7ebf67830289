import fs from 'node:fs'

/** Removes everything the run created: the database (or embedded cluster) and temp folders. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__registerTestDatabase?.dispose()
  const dataDir = process.env.REGISTER_TEST_DATA_DIR
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
}
