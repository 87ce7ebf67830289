import net from 'node:net'
import { loadConfig } from './loadConfig'

import { getPayload, type Payload } from 'payload'

import { openDatabase, type DatabaseHandle } from '../../src/database/openDatabase'
import { closePayloadPool } from '../../src/database/closePayloadPool'
import { databaseAvailabilityOf } from '../../src/database/databaseAvailability'
import { applyMigrations, withMigrationLock } from '../../src/database/runMigrations'
import { startJobRunner } from '../../src/jobs/startJobRunner'
import { seedDemo, type DemoLogin } from '../seed/seedDemo'
import { createServer, type RunningServer } from '../server/createServer'
import {
  ensurePayloadSecret,
  readRuntimeSettings,
  SettingsError,
  type RuntimeSettings,
} from './runtimeSettings'

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
  /** Accounts in the register after seeding: 0 means the first sign-up becomes platform admin. */
  userCount: number
  stop: () => Promise<void>
}

/** Whether nothing listens on `port` yet (any interface, as the server will bind). */
function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)))
  })
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
  // Fail before starting the database, migrating and seeding, not after.
  if (settings.port !== 0 && !(await portIsFree(settings.port))) {
    throw new SettingsError(
      `Poort ${settings.port} is al in gebruik. Kies een andere met PORT=..., of stop het programma dat die poort gebruikt.`,
    )
  }

  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    embeddedPort: settings.embeddedPort,
    // The caller stops the database after finishing requests; Ctrl-C must not reach it first.
    ownProcessGroup: true,
    onNotice: log,
  })
  process.env.DATABASE_URL = database.url
  let payload: Payload | undefined
  try {
    const config = await loadConfig()
    payload = await getPayload({ config })
    // Error listeners on the pool from the start: a database restart must not end the process.
    databaseAvailabilityOf(payload)
    const running = payload
    // Seeding under the same lock as migrations: of two processes starting on an empty database,
    // the second waits, then finds the demo data and leaves it alone.
    const demoLogins = await withMigrationLock(payload, async () => {
      await applyMigrations(running)
      return settings.seedDemo ? seedDemo(running) : null
    })
    const { totalDocs: userCount } = await payload.count({
      collection: 'users',
      overrideAccess: true,
    })
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
    const stop = () => {
      stopping ??= (async () => {
        await server.close()
        await jobs.stop()
        databaseAvailabilityOf(running).stop()
        await closePayloadPool(running)
        await database.stop()
      })()
      return stopping
    }
    return { settings, payload, server, database, demoLogins, userCount, stop }
  } catch (error) {
    if (payload) await closePayloadPool(payload)
    await database.stop()
    if (database.kind === 'embedded') log('De start is afgebroken; de database is netjes gestopt.')
    throw error
  }
}
