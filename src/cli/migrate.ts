/** `npm run migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import { loadConfig } from '../boot/loadConfig'

import { getPayload } from 'payload'

import { ensurePayloadSecret, readRuntimeSettings } from '../boot/runtimeSettings'
import { openDatabase } from '../database/openDatabase'
import { runMigrations } from '../database/runMigrations'
import { reportStartFailure } from './reportStartFailure'

async function main(): Promise<void> {
  const settings = readRuntimeSettings()
  ensurePayloadSecret(settings)
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    embeddedPort: settings.embeddedPort,
  })
  process.env.DATABASE_URL = database.url
  try {
    const payload = await getPayload({ config: await loadConfig() })
    await runMigrations(payload)
    console.log('Migraties zijn bijgewerkt.')
  } finally {
    await database.stop()
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    reportStartFailure(error)
    process.exit(1)
  })
