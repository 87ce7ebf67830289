import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'

import type { ChainAnchor, ChainReport } from '../audit/verifyAuditChain'
import { verifyAuditChainInDatabase } from '../audit/verifyAuditChainInDatabase'
import {
  BackupError,
  describeConnection,
  runPostgresTool,
  type PostgresTool,
} from './postgresClientTools'

/** What a register database holds, as printed after a backup and a restore. */
export interface DatabaseContents {
  /** Tables in the public schema. */
  tables: number
  algorithms: number
  /** Algorithms the public API serves. */
  published: number
  auditEvents: number
  /** The last audit event: keep it outside the database to check the restored chain against. */
  anchor?: ChainAnchor
}

export interface BackupResult {
  file: string
  bytes: number
  contents: DatabaseContents
  serverVersion: string
  toolVersion: string
  durationMs: number
}

export interface RestoreResult {
  file: string
  contents: DatabaseContents
  chain: ChainReport
  /** Whether the restored chain ends exactly at the anchor given (undefined: none given). */
  anchorMatches?: boolean
  durationMs: number
}

/** A restore that was not started because it would destroy or disturb something. */
export class RestoreRefused extends BackupError {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreRefused'
  }
}

/** The first bytes of every pg_dump archive in custom format (-Fc). */
const ARCHIVE_MAGIC = 'PGDMP'

interface Queryable {
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>
}

async function scalar(db: Queryable, text: string): Promise<number> {
  const { rows } = await db.query(text)
  const row = rows[0] as Record<string, unknown> | undefined
  return Number(row ? Object.values(row)[0] : 0)
}

async function tableExists(db: Queryable, name: string): Promise<boolean> {
  const { rows } = await db.query('SELECT to_regclass($1) AS name', [`public.${name}`])
  return Boolean((rows[0] as { name: unknown } | undefined)?.name)
}

/** Counts what the register's database holds (all in the caller's transaction/snapshot). */
export async function readContents(db: Queryable): Promise<DatabaseContents> {
  const tables = await scalar(
    db,
    `SELECT count(*) FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )
  const contents: DatabaseContents = { tables, algorithms: 0, published: 0, auditEvents: 0 }
  if (await tableExists(db, 'algorithms')) {
    contents.algorithms = await scalar(db, 'SELECT count(*) FROM algorithms')
  }
  if (await tableExists(db, 'public_algorithms')) {
    contents.published = await scalar(
      db,
      'SELECT count(*) FROM public_algorithms WHERE withdrawn_at IS NULL',
    )
  }
  if (await tableExists(db, 'audit_events')) {
    contents.auditEvents = await scalar(db, 'SELECT count(*) FROM audit_events')
    const { rows } = await db.query(
      'SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1',
    )
    const last = rows[0] as { sequence: string; hash: string } | undefined
    if (last) contents.anchor = { sequence: Number(last.sequence), hash: last.hash }
  }
  return contents
}

async function serverVersion(db: Queryable): Promise<{ version: string; major: number }> {
  const { rows } = await db.query('SHOW server_version')
  const version = String((rows[0] as { server_version: string }).server_version).split(' ')[0]
  return { version, major: Number.parseInt(version, 10) }
}

/** The last lines of a client program's error output, without its noise. */
function toolProblem(stderr: string): string {
  return stderr.split('\n').slice(-4).join(' ').trim() || 'geen foutmelding'
}

/** Why pg_restore failed, with what to do for an archive from a newer pg_dump. */
export function restoreProblem(stderr: string, tool: PostgresTool): string {
  const prefix = 'pg_restore is mislukt; de database is niet veranderd: '
  if (/unsupported version .* in file header/.test(stderr)) {
    return (
      `${prefix}het archief is gemaakt met een nieuwere pg_dump dan deze pg_restore ` +
      `(${tool.version}). Gebruik pg_restore van minstens die versie en wijs de map aan met ` +
      `PG_BIN_DIR. (${toolProblem(stderr)})`
    )
  }
  return `${prefix}${toolProblem(stderr)}`
}

/**
 * Dumps the register's database into `file` (pg_dump, custom format). The counts and the
 * audit anchor are read in the very snapshot pg_dump dumps (exported from our transaction),
 * so they describe exactly what is in the file, even while the register keeps writing. The
 * archive is written next to `file` and renamed when complete: a failed run leaves no
 * half-written backup behind.
 */
export async function backupDatabase(
  url: string,
  file: string,
  tool: PostgresTool,
): Promise<BackupResult> {
  const started = Date.now()
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => undefined)
  await client.connect()
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`
  try {
    const server = await serverVersion(client)
    if (tool.major < server.major) {
      throw new BackupError(
        `${tool.path} is versie ${tool.version}; de database draait PostgreSQL ${server.version}. ` +
          `pg_dump moet minstens versie ${server.major} zijn. Installeer die ` +
          `(bijvoorbeeld postgresql-client-${server.major}) en wijs de map aan met PG_BIN_DIR.`,
      )
    }
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const { rows } = await client.query<{ snapshot: string }>(
      'SELECT pg_export_snapshot() AS snapshot',
    )
    const contents = await readContents(client)
    if (!(await tableExists(client, 'audit_events'))) {
      throw new BackupError(
        `${describeConnection(url)} is geen database van het register (tabel audit_events ontbreekt).`,
      )
    }
    // The archive holds every account's password hash: readable by its owner only.
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    fs.writeFileSync(partial, '', { mode: 0o600 })
    const result = await runPostgresTool(
      tool,
      ['--format=custom', '--no-password', `--snapshot=${rows[0].snapshot}`, `--file=${partial}`],
      url,
    )
    await client.query('COMMIT')
    if (result.code !== 0) {
      throw new BackupError(`pg_dump is mislukt: ${toolProblem(result.stderr)}`)
    }
    fs.renameSync(partial, file)
    return {
      file,
      bytes: fs.statSync(file).size,
      contents,
      serverVersion: server.version,
      toolVersion: tool.version,
      durationMs: Date.now() - started,
    }
  } finally {
    fs.rmSync(partial, { force: true })
    await client.end().catch(() => undefined)
  }
}

/** Refuses anything that is not a pg_dump archive in custom format, before touching a database. */
export function checkArchive(file: string): void {
  let header: Buffer
  try {
    const fd = fs.openSync(file, 'r')
    try {
      header = Buffer.alloc(ARCHIVE_MAGIC.length)
      fs.readSync(fd, header, 0, header.length, 0)
    } finally {
      fs.closeSync(fd)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code
    throw new BackupError(
      code === 'ENOENT'
        ? `Het back-upbestand ${file} bestaat niet.`
        : code === 'EISDIR'
          ? `${file} is een map, geen back-upbestand.`
          : `Het back-upbestand ${file} kan niet worden gelezen (${code ?? String(error)}).`,
    )
  }
  if (header.toString('latin1') !== ARCHIVE_MAGIC) {
    throw new BackupError(
      `${file} is geen back-up van npm run backup (geen pg_dump-archief in custom-formaat).`,
    )
  }
}

/** What is in the target database now, to decide whether a restore may replace it. */
export interface TargetState {
  tables: number
  algorithms: number
  auditEvents: number
  /** Other connections to the target database (a running register, psql, ...). */
  otherSessions: number
}

export async function inspectTarget(db: Queryable): Promise<TargetState> {
  const tables = await scalar(
    db,
    `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg_toast%'`,
  )
  const contents = await readContents(db)
  const otherSessions = await scalar(
    db,
    `SELECT count(*) FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND backend_type = 'client backend'`,
  )
  return {
    tables,
    algorithms: contents.algorithms,
    auditEvents: contents.auditEvents,
    otherSessions,
  }
}

/**
 * Replaces the target database's contents with the archive: pg_restore with `--clean
 * --if-exists` (drops what the archive holds before creating it), `--no-owner
 * --no-privileges` (the embedded and a server database have different roles) and
 * `--single-transaction` (all or nothing: a failed restore leaves the target as it was).
 * The append-only guards on audit_events and revisions refuse UPDATE, DELETE and TRUNCATE,
 * none of which a restore uses: existing tables are dropped, and the archive creates the
 * triggers only after loading the rows. Afterwards the audit chain is verified from the table.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  tool: PostgresTool,
  options: { force: boolean; anchor?: ChainAnchor; where: string },
): Promise<RestoreResult> {
  const started = Date.now()
  checkArchive(file)
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => undefined)
  await client.connect()
  try {
    const target = await inspectTarget(client)
    if (target.otherSessions > 0) {
      throw new RestoreRefused(
        `De database ${options.where} is in gebruik (${target.otherSessions} andere ` +
          'verbinding(en), bijvoorbeeld een draaiend register). Stop het register eerst: ' +
          'een restore vervangt alle gegevens.',
      )
    }
    if (target.tables > 0 && !options.force) {
      throw new RestoreRefused(
        `De database ${options.where} is niet leeg (${target.tables} tabellen, ` +
          `${target.algorithms} algoritmes, ${target.auditEvents} gebeurtenissen in de ` +
          'geschiedenis). Een restore vervangt alles wat erin staat. Zet terug in een lege ' +
          'database, of gebruik --force als dat echt de bedoeling is (maak dan eerst een ' +
          'back-up van de huidige inhoud met npm run backup).',
      )
    }
    const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''))
    const result = await runPostgresTool(
      tool,
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        '--no-password',
        `--dbname=${database}`,
        file,
      ],
      url,
    )
    if (result.code !== 0) throw new BackupError(restoreProblem(result.stderr, tool))
    // pg_restore does not collect planner statistics; without them the first queries are slow.
    await client.query('ANALYZE')
    const contents = await readContents(client)
    const chain = await verifyAuditChainInDatabase(client, { anchor: options.anchor })
    return {
      file,
      contents,
      chain,
      anchorMatches: options.anchor
        ? chain.ok &&
          chain.lastSequence === options.anchor.sequence &&
          chain.lastHash === options.anchor.hash
        : undefined,
      durationMs: Date.now() - started,
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}
