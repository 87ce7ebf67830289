import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { openDatabase, type DatabaseHandle } from '../database/openDatabase'
import { poolOf } from '../database/runSql'
import { runMigrations } from '../database/runMigrations'
import { startJobRunner } from '../jobs/startJobRunner'
import { seedDemo, type DemoLogin } from '../seed/seedDemo'
import { createServer, type RunningServer } from '../server/createServer'
import { ensurePayloadSecret, readRuntimeSettings, type RuntimeSettings } from './runtimeSettings'

export interface StartOptions {
  /** Serve the admin through Next.js: production build, dev server, or not at all. */
  admin: 'production' | 'development' | false
  projectDir: string
  log?: (line: string) => void
}

export interface StartedRegister {
  settings: RuntimeSettings
  payload: Payload
  server: RunningServer
  database: DatabaseHandle
  demoLogins: DemoLogin[] | null
  stop: () => Promise<void>
}

/**
 * Starts the whole register: database (embedded unless DATABASE_URL), migrations, demo data on
 * the first run, the HTTP server and the job runner. `stop` shuts down in the right order:
 * stop accepting and finish requests, stop jobs, close the pool, stop the embedded database.
 */
export async function startRegister(options: StartOptions): Promise<StartedRegister> {
  const log = options.log ?? ((line: string) => console.log(line))
  const settings = readRuntimeSettings()
  ensurePayloadSecret(settings)
  process.env.SERVER_URL ??= settings.serverUrl
  process.env.DATA_DIR ??= settings.dataDir
  if (options.admin === 'development') process.env.DISABLE_PAYLOAD_HMR = 'true'

  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    embeddedPort: settings.embeddedPort,
  })
  process.env.DATABASE_URL = database.url
  let payload: Payload | undefined
  try {
    const configModule = (await import(
      pathToFileURL(path.join(options.projectDir, 'payload.config.ts')).href
    )) as {
      default: Promise<SanitizedConfig>
    }
    const config = await configModule.default
    payload = await getPayload({ config })
    await runMigrations(payload)
    const demoLogins = settings.seedDemo ? await seedDemo(payload) : null
    const server = await createServer({
      payload,
      config,
      port: settings.port,
      admin: options.admin
        ? { dev: options.admin === 'development', dir: options.projectDir }
        : false,
    })
    const jobs = startJobRunner(payload, settings.jobsIntervalMs)
    let stopping: Promise<void> | undefined
    const running = payload
    const stop = () => {
      stopping ??= (async () => {
        await server.close()
        await jobs.stop()
        await closePool(running)
        await database.stop()
      })()
      return stopping
    }
    return { settings, payload, server, database, demoLogins, stop }
  } catch (error) {
    if (payload) await closePool(payload)
    await database.stop()
    log('De start is afgebroken; de database is netjes gestopt.')
    throw error
  }
}

/** Ends the pool without hanging on the connection Payload keeps checked out. */
async function closePool(payload: Payload): Promise<void> {
  const pool = poolOf(payload)
  pool.on('error', () => undefined)
  await Promise.race([
    pool.end().catch(() => undefined),
    new Promise((r) => setTimeout(r, 2000).unref()),
  ])
}
