import path from 'node:path'
import pg from 'pg'

import { DatabaseStartError, startEmbeddedPostgres } from '../../host/database/embeddedPostgres'

export interface DatabaseHandle {
  /** Connection string Payload and the public API use. */
  url: string
  /** `embedded` when this process started its own PostgreSQL. */
  kind: 'embedded' | 'external'
  /** Stops the embedded server; a no-op for an external one. */
  stop: () => Promise<void>
}

export interface OpenDatabaseOptions {
  /** When set, that server is used and nothing is started. */
  databaseUrl?: string
  /** Folder for the embedded cluster (DATA_DIR). */
  dataDir: string
  /** Port for the embedded cluster; 0 picks a free one. */
  embeddedPort: number
  /** Database created inside the embedded cluster. */
  databaseName?: string
  onLog?: (line: string) => void
  /** Recovery and other notices from the embedded database (default: stdout). */
  onNotice?: (line: string) => void
  /** See EmbeddedPostgresOptions.ownProcessGroup: only for a caller that handles signals. */
  ownProcessGroup?: boolean
}

/** Creates `name` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
}

/** Where DATABASE_URL points, without the password, for messages. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch (_error) {
    return 'DATABASE_URL'
  }
}

/**
 * Connects once to the server in DATABASE_URL before Payload does: Payload would log a stack
 * trace and report "cannot connect"; this says what is wrong. A missing database is fine:
 * Payload creates it.
 */
export async function checkExternalDatabase(url: string, timeoutMs = 10000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    const code = (error as { code?: string } | null)?.code
    if (code === '3D000') return
    const where = serverOf(url)
    const message = (error as Error | null)?.message ?? String(error)
    const problem =
      code === 'ECONNREFUSED'
        ? 'is niet bereikbaar: er luistert geen database op dat adres en die poort'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? 'is niet bereikbaar: die servernaam bestaat niet'
          : code === '28P01'
            ? 'weigert de verbinding: de gebruikersnaam of het wachtwoord klopt niet'
            : code === '28000'
              ? `weigert de verbinding: ${message}`
              : code === 'ETIMEDOUT' || /timeout/i.test(message)
                ? `antwoordt niet binnen ${Math.round(timeoutMs / 1000)} s`
                : `geeft een fout: ${message}`
    throw new DatabaseStartError(`De database in DATABASE_URL (${where}) ${problem}.`)
  }
  // Only after a successful connect: ending a client whose connect failed can wait forever.
  await client.end()
}

/**
 * Resolves the database the register runs on: the server in DATABASE_URL, or an embedded
 * PostgreSQL whose files live under DATA_DIR and survive restarts.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    await checkExternalDatabase(options.databaseUrl)
    return { url: options.databaseUrl, kind: 'external', stop: async () => undefined }
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(options.dataDir),
    port: options.embeddedPort,
    onLog: options.onLog,
    onNotice: options.onNotice,
    ownProcessGroup: options.ownProcessGroup,
  })
  const name = options.databaseName ?? 'register'
  try {
    await ensureDatabase(server.adminUrl, name)
  } catch (error) {
    await server.stop()
    throw error
  }
  return { url: server.urlFor(name), kind: 'embedded', stop: server.stop }
}
