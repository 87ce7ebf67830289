import pg from 'pg'
import type { Payload } from 'payload'

import { readDatabaseSettings, type DatabaseSettings } from './databaseSettings'
import { poolOf } from './runSql'

/** The outcome of one reachability probe. */
export interface ProbeResult {
  ok: boolean
  latencyMs: number
  error?: string
}

/** What {@link DatabaseAvailability} needs to know. */
export interface DatabaseAvailabilityOptions {
  /** Connection settings; the probe opens a connection of its own with them. */
  connection: pg.ClientConfig
  settings: Pick<DatabaseSettings, 'probeTimeoutMs'>
  /** While the database is away, probe this often (default 1000 ms). */
  retryMs?: number
  /** A probe result younger than this is reused (default 500 ms): bounds the probes per second. */
  reuseMs?: number
  log?: (message: string) => void
}

interface Closable {
  connection?: { stream?: { destroy?: () => void } }
}

/** Ends a client at once, also when the network path is hung and a polite `end()` never returns. */
export function destroyClient(client: pg.Client): void {
  client.on('error', () => undefined)
  ;(client as unknown as Closable).connection?.stream?.destroy?.()
}

/**
 * Errors that mean "the database cannot be reached", not "the request was wrong": by SQLSTATE
 * class (08 connection, 57P operator intervention), by socket error code, or by the messages
 * node-postgres gives without a code; also when wrapped (`cause`) by a query builder.
 */
export function isConnectionError(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 5) return false
  const cause = (error as { cause?: unknown }).cause
  if (cause !== undefined && isConnectionError(cause, depth + 1)) return true
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') {
    if (code.startsWith('ECONN') || code.startsWith('08') || code.startsWith('57P')) return true
    if (code === 'ETIMEDOUT' || code === 'EPIPE' || code === 'EHOSTUNREACH') return true
  }
  const message = error instanceof Error ? error.message : ''
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable/i.test(
    message,
  )
}

/** Granularity of the probe's deadline (see probeOnce). */
const PROBE_TICK_MS = 100

/**
 * Knows whether the database can be reached. The answer comes from a cheap probe on a connection
 * of its own (connect plus `SELECT 1`, with its own deadline), never from Payload's pool, which a
 * burst of slow requests can exhaust while the database is fine. Pool and client errors and
 * failing requests only make it probe sooner; while a probe fails it probes again every second,
 * so the register recovers by itself when the database returns.
 */
export class DatabaseAvailability {
  private state: ProbeResult = { ok: true, latencyMs: 0 }
  private checkedAt = 0
  private running: Promise<ProbeResult> | undefined
  private runningStartedAt = 0
  private resultStartedAt = 0
  private retryTimer: NodeJS.Timeout | undefined
  private stopped = false

  constructor(private readonly options: DatabaseAvailabilityOptions) {}

  /** Whether the last probe reached the database (true until a probe says otherwise). */
  get available(): boolean {
    return this.state.ok
  }

  /** The last probe's result. */
  get last(): ProbeResult {
    return this.state
  }

  /**
   * Probes the database (or joins the running probe, or reuses a result younger than `reuseMs`)
   * and returns the result. Never rejects.
   */
  probe(): Promise<ProbeResult> {
    if (this.running) return this.running
    if (Date.now() - this.checkedAt < (this.options.reuseMs ?? 500)) {
      return Promise.resolve(this.state)
    }
    const startedAt = Date.now()
    this.runningStartedAt = startedAt
    this.running = this.probeOnce().then((result) => {
      this.running = undefined
      this.checkedAt = Date.now()
      this.resultStartedAt = startedAt
      this.record(result)
      return result
    })
    return this.running
  }

  /**
   * A probe that started at or after `since` (e.g. after a request failed): joins one that is
   * running if it started late enough, otherwise waits for it and probes anew. Never rejects.
   */
  async probeSince(since: number): Promise<ProbeResult> {
    if (this.running && this.runningStartedAt >= since) return this.running
    if (this.running) await this.running
    if (this.resultStartedAt >= since) return this.state
    if (this.running) return this.running
    this.checkedAt = 0
    return this.probe()
  }

  /** Something went wrong on a connection: find out soon whether the database is still there. */
  suspect(): void {
    if (this.stopped) return
    void this.probe()
  }

  /**
   * Attaches error listeners to a node-postgres pool and to every client it opens: without them
   * a connection ended by the server (restart, failover: 57P01) emits an 'error' nobody handles,
   * and Node ends the whole process.
   */
  watchPool(pool: pg.Pool): void {
    pool.on('error', (error: Error) => this.onConnectionError(error))
    pool.on('connect', (client: pg.PoolClient) => {
      // Covers clients while checked out, between the queries of a transaction: the pool's own
      // listener is attached only while a client is idle.
      client.on('error', (error: Error) => this.onConnectionError(error))
    })
  }

  /** Stops background probing. */
  stop(): void {
    this.stopped = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = undefined
  }

  private onConnectionError(error: Error): void {
    // Once per outage: a restart ends every pooled connection at the same moment.
    if (this.state.ok && !this.running) {
      this.options.log?.(`Databaseverbinding verbroken: ${error.message}`)
    }
    this.suspect()
  }

  private record(result: ProbeResult): void {
    const was = this.state.ok
    this.state = result
    if (was && !result.ok) {
      this.options.log?.(
        `De database is niet bereikbaar (${result.error}); API-verzoeken krijgen 503 tot ze terug is.`,
      )
    } else if (!was && result.ok) {
      this.options.log?.('De database is weer bereikbaar.')
    }
    if (!result.ok) this.scheduleRetry()
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      void this.probe()
    }, this.options.retryMs ?? 1000)
    this.retryTimer.unref()
  }

  private async probeOnce(): Promise<ProbeResult> {
    const timeoutMs = this.options.settings.probeTimeoutMs
    const started = performance.now()
    const elapsed = () => Math.round(performance.now() - started)
    const client = new pg.Client({
      ...this.options.connection,
      // A backstop only: the deadline below decides, and it tolerates a busy event loop.
      connectionTimeoutMillis: timeoutMs * 5,
      application_name: 'register-health-probe',
    })
    client.on('error', () => undefined)
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        (async () => {
          await client.connect()
          await client.query('SELECT 1')
        })(),
        new Promise((_, reject) => {
          // The deadline counts only time in which this process could have read the answer:
          // when the event loop is blocked (a busy process, not a slow database), a tick that
          // arrives late counts as one tick. Otherwise a process busy for two seconds would call
          // a healthy database unreachable and answer 503.
          let waited = 0
          const tick = (last: number) => {
            timer = setTimeout(() => {
              const now = performance.now()
              waited += Math.min(now - last, PROBE_TICK_MS * 2)
              if (waited >= timeoutMs) reject(new Error(`timeout after ${timeoutMs} ms`))
              else tick(now)
            }, PROBE_TICK_MS)
          }
          tick(performance.now())
        }),
      ])
      void client.end().catch(() => undefined)
      return { ok: true, latencyMs: elapsed() }
    } catch (error) {
      destroyClient(client)
      return {
        ok: false,
        latencyMs: elapsed(),
        error: error instanceof Error ? error.message : String(error),
      }
    } finally {
      if (timer) clearTimeout(timer)
    }
  }
}

const INSTANCES = new WeakMap<Payload, DatabaseAvailability>()

/**
 * The availability tracker of a Payload instance, created on first use; it then also watches
 * Payload's pool. Call it right after `getPayload` so the pool is watched from the start.
 */
export function databaseAvailabilityOf(payload: Payload): DatabaseAvailability {
  let found = INSTANCES.get(payload)
  if (!found) {
    const pool = poolOf(payload) as unknown as pg.Pool
    found = new DatabaseAvailability({
      connection: { ...(pool.options as pg.ClientConfig) },
      settings: readDatabaseSettings(),
      log: (message) => payload.logger.warn(message),
    })
    found.watchPool(pool)
    INSTANCES.set(payload, found)
  }
  return found
}
