import pg from 'pg'

import { isConnectionError } from './databaseAvailability'
import { poolTimeouts } from './databaseSettings'

/** Runs one read-only statement and returns its rows. */
export type ReadQuery = <Row extends Record<string, unknown>>(
  text: string,
  values?: unknown[],
) => Promise<Row[]>

/** Where the reads of a {@link ReplicaReads} went, for the bench and the tests. */
export interface ReplicaStats {
  replica: number
  primary: number
  /** Reads sent to the primary because the replica had not yet replayed the latest commit. */
  behind: number
  /** Reads sent to the primary because the replica could not be reached. */
  unavailable: number
}

/** Public reads split over a streaming replica and the primary. */
export interface ReplicaReads {
  /** Runs a read on the replica when it has replayed everything committed before the call. */
  query: ReadQuery
  readonly stats: ReplicaStats
  /** Ends the replica's pool (the primary's belongs to Payload). */
  close: () => Promise<void>
}

/** Options of {@link createReplicaReads}. */
export interface ReplicaReadsOptions {
  /** The primary's pool (Payload's): writes, LISTEN and every read the replica cannot serve. */
  primary: Pick<pg.Pool, 'query'>
  /** Connection string of a streaming replica of that primary (DATABASE_REPLICA_URL). */
  replicaUrl: string
  /** Size of the replica's pool (default 10). */
  max?: number
  log?: (message: string) => void
}

/** An LSN such as `0/3000148` as a number that compares correctly (bigint). */
export function parseLsn(value: unknown): bigint {
  if (typeof value !== 'string') return 0n
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(value)
  if (!match) return 0n
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

/**
 * Calls `fetch` so that every caller gets an answer to a call that started after its own call:
 * callers that arrive while a call is under way share the next one. At most one call runs at a
 * time, however many readers wait, so the primary answers one cheap query per round trip.
 */
function freshAfterCall<T>(fetch: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined
  let next: Promise<T> | undefined
  const start = (): Promise<T> => {
    const call = fetch().finally(() => {
      if (running === call) running = undefined
    })
    running = call
    return call
  }
  return () => {
    if (!running) return start()
    if (!next) {
      const after = running.then(
        () => undefined,
        () => undefined,
      )
      next = after.then(() => {
        next = undefined
        return start()
      })
    }
    return next
  }
}

/**
 * Public reads from a PostgreSQL streaming replica without stale answers. Before a read, the
 * primary's WAL position is asked (`pg_current_wal_lsn()`, one query shared by all reads waiting
 * at that moment): every publication whose COMMIT was acknowledged before the read began lies
 * at or below it. The read goes to the replica only when the replica's replayed position
 * (`pg_last_wal_replay_lsn()`, remembered: it only grows) has reached that point; the replica's
 * snapshot then contains those commits. Otherwise, or when the replica is away, the read goes
 * to the primary. Writes and LISTEN never come here: they stay on the primary.
 */
export function createReplicaReads(options: ReplicaReadsOptions): ReplicaReads {
  const log = options.log ?? (() => undefined)
  const pool = new pg.Pool({
    connectionString: options.replicaUrl,
    max: options.max ?? 10,
    application_name: 'register-public-replica',
    ...poolTimeouts(),
  })
  pool.on('error', (error: Error) => log(`Replica connection error: ${error.message}`))
  const stats: ReplicaStats = { replica: 0, primary: 0, behind: 0, unavailable: 0 }
  /** The replica's replayed position as last seen (0 when unknown). */
  let replayed = 0n
  let warnedNotStandby = false

  const primaryPosition = freshAfterCall(async () => {
    const result = await options.primary.query('SELECT pg_current_wal_lsn()::text AS lsn')
    return parseLsn((result.rows[0] as { lsn?: unknown } | undefined)?.lsn)
  })
  const replicaPosition = freshAfterCall(async () => {
    const result = await pool.query(
      'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn',
    )
    const row = result.rows[0] as { standby?: boolean; lsn?: unknown } | undefined
    if (!row?.standby) {
      // Not a standby: nothing says it holds the primary's commits.
      if (!warnedNotStandby)
        log('DATABASE_REPLICA_URL is not a standby: reads stay on the primary.')
      warnedNotStandby = true
      return 0n
    }
    return parseLsn(row.lsn)
  })

  const onPrimary = async <Row extends Record<string, unknown>>(text: string, values: unknown[]) =>
    (await options.primary.query(text, values)).rows as Row[]

  const query: ReadQuery = async <Row extends Record<string, unknown>>(
    text: string,
    values: unknown[] = [],
  ) => {
    const required = await primaryPosition()
    if (replayed < required) {
      try {
        const seen = await replicaPosition()
        if (seen > replayed) replayed = seen
      } catch (error) {
        stats.unavailable += 1
        stats.primary += 1
        if (!isConnectionError(error)) log(`Replica position unknown: ${(error as Error).message}`)
        return onPrimary<Row>(text, values)
      }
    }
    if (replayed < required) {
      stats.behind += 1
      stats.primary += 1
      return onPrimary<Row>(text, values)
    }
    try {
      const rows = (await pool.query(text, values)).rows as Row[]
      stats.replica += 1
      return rows
    } catch (error) {
      // 40001: a read cancelled by a conflict with replay; the primary has no such conflict.
      const conflict = (error as { code?: unknown }).code === '40001'
      if (!conflict && !isConnectionError(error)) throw error
      // A replica that restarts replays from an earlier point: forget what it had.
      replayed = 0n
      stats.unavailable += 1
      stats.primary += 1
      return onPrimary<Row>(text, values)
    }
  }

  return {
    query,
    stats,
    close: async () => {
      await pool.end().catch(() => undefined)
    },
  }
}

/** DATABASE_REPLICA_URL, or undefined when public reads stay on the primary. */
export function replicaUrlFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const value = env.DATABASE_REPLICA_URL?.trim()
  return value ? value : undefined
}
