/** `npm run migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import { loadConfig } from '../boot/loadConfig'

import { getPayload, type Payload } from 'payload'

import { ensurePayloadSecret, readRuntimeSettings } from '../boot/runtimeSettings'
import { closePayloadPool } from '../../src/database/closePayloadPool'
import { openDatabase } from '../../src/database/openDatabase'
import { runMigrations } from '../../src/database/runMigrations'
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
  let payload: Payload | undefined
  try {
    payload = await getPayload({ config: await loadConfig() })
    await runMigrations(payload)
    payload.logger.info('Migraties zijn bijgewerkt.')
  } finally {
    if (payload) await closePayloadPool(payload)
    await database.stop()
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    reportStartFailure(error)
    process.exit(1)
  })
