import pg from 'pg'

import type { RuntimeSettings } from '../../host/boot/runtimeSettings'
import { runningEmbeddedPostgres } from '../../host/database/embeddedPostgres'
import { ensureDatabase, openDatabase } from './openDatabase'
import { BackupError, describeConnection, withDatabase } from './postgresClientTools'

/** The database the register runs on, as a tool (backup, restore) reaches it. */
export interface RegisterDatabase {
  url: string
  kind: 'embedded' | 'external'
  /** For messages: host:port/database, or the DATA_DIR; never the password. */
  where: string
  /**
   * Pid of the register process that runs the embedded database, when the tool connected to
   * a running one; undefined when the tool started the database itself or it is external.
   */
  runningRegisterPid?: number
  /** Stops the embedded database when this tool started it; otherwise does nothing. */
  stop: () => Promise<void>
}

/** The name of the register's database inside the embedded cluster (see openDatabase). */
const EMBEDDED_DATABASE = 'register'

/**
 * Connects to the register's database without disturbing a running register: the server in
 * DATABASE_URL; the embedded PostgreSQL that `npm start` runs on DATA_DIR; or, when none runs,
 * the embedded database started for the duration of the tool (on a free port, so it cannot
 * collide with a register started meanwhile).
 * `createMissing` creates an absent database (the target of a restore).
 */
export async function attachRegisterDatabase(
  settings: Pick<RuntimeSettings, 'databaseUrl' | 'dataDir'>,
  options: { createMissing: boolean },
): Promise<RegisterDatabase> {
  if (settings.databaseUrl) {
    const url = settings.databaseUrl
    const where = describeConnection(url)
    await checkReachable(url, where, options.createMissing)
    return { url, kind: 'external', where, stop: async () => undefined }
  }
  const running = runningEmbeddedPostgres(settings.dataDir)
  if (running) {
    return {
      url: running.urlFor(EMBEDDED_DATABASE),
      kind: 'embedded',
      where: settings.dataDir,
      runningRegisterPid: running.ownerPid > 0 ? running.ownerPid : running.pid,
      stop: async () => undefined,
    }
  }
  const handle = await openDatabase({
    dataDir: settings.dataDir,
    embeddedPort: 0,
    databaseName: EMBEDDED_DATABASE,
    onNotice: () => undefined,
  })
  return { url: handle.url, kind: 'embedded', where: settings.dataDir, stop: handle.stop }
}

async function checkReachable(url: string, where: string, createMissing: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10000 })
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    const code = (error as { code?: string } | null)?.code
    if (code === '3D000' && createMissing) {
      const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
      await ensureDatabase(withDatabase(url, 'postgres'), name)
      return
    }
    if (code === '3D000') throw new BackupError(`De database ${where} bestaat niet.`)
    const message = (error as Error | null)?.message ?? String(error)
    throw new BackupError(`De database ${where} is niet bereikbaar: ${message}`)
  }
  await client.end()
}
