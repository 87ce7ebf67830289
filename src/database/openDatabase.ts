import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres } from './embeddedPostgres'

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

/**
 * Resolves the database the register runs on: the server in DATABASE_URL, or an embedded
 * PostgreSQL whose files live under DATA_DIR and survive restarts.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, kind: 'external', stop: async () => undefined }
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(options.dataDir),
    port: options.embeddedPort,
    onLog: options.onLog,
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
