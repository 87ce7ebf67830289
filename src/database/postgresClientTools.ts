import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** A problem with a backup or restore that a person can fix; reported as one message. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

/** One of PostgreSQL's client programs, found on this machine. */
export interface PostgresTool {
  path: string
  /** "15.20" */
  version: string
  major: number
}

/** Libpq parameters that may appear in a connection string's query, and their variables. */
const QUERY_PARAMETERS: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  dbname: 'PGDATABASE',
  sslmode: 'PGSSLMODE',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  sslrootcert: 'PGSSLROOTCERT',
  sslcrl: 'PGSSLCRL',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  application_name: 'PGAPPNAME',
  options: 'PGOPTIONS',
  target_session_attrs: 'PGTARGETSESSIONATTRS',
}

/**
 * The connection in `url` as libpq environment variables (PGHOST, PGPASSWORD, ...). The client
 * programs get their connection this way, never on the command line, so the password does not
 * show in process listings (`ps`, /proc/<pid>/cmdline) or in error messages that echo argv.
 */
export function libpqEnvironment(url: string): Record<string, string> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch (_error) {
    throw new BackupError('De verbindingstekst van de database is geen geldige URL.')
  }
  const env: Record<string, string> = {}
  if (parsed.hostname) env.PGHOST = decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, '')
  if (parsed.port) env.PGPORT = parsed.port
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username)
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password)
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  if (database) env.PGDATABASE = database
  for (const [key, value] of parsed.searchParams) {
    const variable = QUERY_PARAMETERS[key]
    if (variable) env[variable] = value
  }
  return env
}

/** Where a connection string points, without user or password, for messages. */
export function describeConnection(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch (_error) {
    return 'de database'
  }
}

/** The same server, another database (e.g. `postgres` to create the target of a restore). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.toString()
}

function versionOf(program: string): { version: string; major: number } | undefined {
  const result = spawnSync(program, ['--version'], { encoding: 'utf8' })
  const match = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)?)/.exec(result.stdout ?? '')
  return match ? { version: match[1], major: Number(match[2]) } : undefined
}

/**
 * Finds `pg_dump` or `pg_restore`: in PG_BIN_DIR when set (e.g. /usr/lib/postgresql/17/bin for
 * a newer server than the default client), else on the PATH.
 */
export function findPostgresTool(
  name: 'pg_dump' | 'pg_restore',
  env: Record<string, string | undefined> = process.env,
): PostgresTool {
  const folders = env.PG_BIN_DIR
    ? [env.PG_BIN_DIR]
    : (env.PATH ?? '').split(path.delimiter).filter(Boolean)
  for (const folder of folders) {
    const candidate = path.join(folder, name)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
    } catch (_error) {
      continue
    }
    const found = versionOf(candidate)
    if (found) return { path: candidate, ...found }
  }
  throw new BackupError(
    env.PG_BIN_DIR
      ? `${name} staat niet in PG_BIN_DIR (${env.PG_BIN_DIR}).`
      : `${name} is niet gevonden. Installeer de PostgreSQL-clientprogramma's ` +
          '(Debian/Ubuntu: apt-get install postgresql-client) of wijs met PG_BIN_DIR de map aan.',
  )
}

/** Output of a finished client program. */
export interface ToolResult {
  code: number | null
  stderr: string
}

/**
 * Runs a client program with the connection in its environment. Nothing of the connection is
 * put on the command line.
 */
export function runPostgresTool(
  tool: PostgresTool,
  args: string[],
  connectionUrl: string,
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    // Over the caller's environment, as the register's own pg driver reads it: a PGPASSWORD or
    // PGSSLMODE set there still applies where the connection string says nothing.
    const env: NodeJS.ProcessEnv = { ...process.env }
    Object.assign(env, libpqEnvironment(connectionUrl), { LC_ALL: 'C' })
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stderr: stderr.trim() }))
  })
}
