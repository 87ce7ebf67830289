/** `npm run migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { getPayload, type SanitizedConfig } from 'payload'

import { ensurePayloadSecret, readRuntimeSettings } from '../boot/runtimeSettings'
import { openDatabase } from '../database/openDatabase'
import { runMigrations } from '../database/runMigrations'
import { projectDir } from './projectDir'
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
    const configModule = (await import(
      pathToFileURL(path.join(projectDir, 'payload.config.ts')).href
    )) as {
      default: Promise<SanitizedConfig>
    }
    const payload = await getPayload({ config: await configModule.default })
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
