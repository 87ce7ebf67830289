import pg from 'pg'

import { destroyClient } from '../database/databaseAvailability'

/** Options of {@link startPublicChangeListener}. */
export interface PublicChangeListenerOptions {
  /** Connection settings of the register's database (a dedicated client is opened). */
  connection: pg.ClientConfig
  /** Channel the projection announces changes on. */
  channel: string
  /** Called with the payload (the Algoritme-ID) of every notification. */
  onChange: (lars: string) => void
  /** Called when the connection comes up (true) or is lost (false). */
  onConnectionChange: (connected: boolean) => void
  /** Where connection problems are reported. */
  log?: (message: string) => void
  /** How often the connection proves it is alive with a query, in ms (default 2000). */
  heartbeatMs?: number
  /** A heartbeat or a connect without an answer after this long ends the connection (default 3000). */
  heartbeatTimeoutMs?: number
}

/** A running listener. */
export interface PublicChangeListenerHandle {
  /** Whether notifications can currently be heard. */
  readonly connected: boolean
  /**
   * When (ms since the epoch) the connection last proved it was alive: the moment the last
   * answered heartbeat was sent. PostgreSQL delivers a notification committed before that moment
   * ahead of the heartbeat's answer, so every change committed before it has been heard. 0 while
   * not connected.
   */
  readonly provenAliveAt: number
  /** Closes the connection and stops reconnecting. */
  stop: () => Promise<void>
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/

/**
 * LISTENs on the projection's channel on a connection of its own (not from Payload's pool, whose
 * clients come and go), so that a publication through any process reaches this one within
 * milliseconds of its COMMIT. When the connection drops, it reports `connected: false` (the
 * caller stops trusting its cache) and reconnects with a growing pause (0.25 s up to 5 s). A
 * heartbeat (`SELECT 1` every `heartbeatMs`, raced against `heartbeatTimeoutMs`) finds connections
 * that hang without an error (half-open TCP, a frozen network path): the connection is then
 * destroyed and opened anew. `provenAliveAt` lets the caller stop trusting its cache when the
 * heartbeat cannot prove the connection alive within its bound, whatever the timers do.
 */
export function startPublicChangeListener(
  options: PublicChangeListenerOptions,
): PublicChangeListenerHandle {
  if (!CHANNEL_NAME.test(options.channel)) throw new Error(`bad channel name ${options.channel}`)
  const log = options.log ?? (() => undefined)
  let client: pg.Client | undefined
  let connected = false
  let stopped = false
  let attempt = 0
  let retryTimer: NodeJS.Timeout | undefined
  let healthTimer: NodeJS.Timeout | undefined
  let provenAliveAt = 0
  const heartbeatMs = options.heartbeatMs ?? 2000
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 3000

  const setConnected = (value: boolean) => {
    if (connected === value) return
    connected = value
    options.onConnectionChange(value)
  }

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return
    const delay = Math.min(5000, 250 * 2 ** Math.min(attempt, 5))
    attempt += 1
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      void connect()
    }, delay)
    retryTimer.unref()
  }

  const drop = (reason: string, failed: pg.Client) => {
    if (client !== failed) return
    client = undefined
    if (healthTimer) clearTimeout(healthTimer)
    healthTimer = undefined
    provenAliveAt = 0
    setConnected(false)
    failed.removeAllListeners('notification')
    // Destroyed, not ended: on a hung connection a polite end() would wait forever.
    destroyClient(failed)
    if (!stopped) {
      // Say it once per outage and then now and then, not every few seconds.
      if (attempt === 0 || attempt % 60 === 0) {
        log(`Public API change listener lost its connection (${reason}); reconnecting.`)
      }
      scheduleReconnect()
    }
  }

  const connect = async () => {
    if (stopped) return
    const next = new pg.Client({
      ...options.connection,
      application_name: 'register-public-listener',
      keepAlive: true,
      connectionTimeoutMillis: heartbeatTimeoutMs,
    })
    client = next
    next.on('error', (error: Error) => drop(error.message, next))
    next.on('end', () => drop('connection ended', next))
    next.on('notification', (message: pg.Notification) => {
      if (message.channel === options.channel) options.onChange(message.payload ?? '')
    })
    try {
      await next.connect()
      const listenSent = Date.now()
      await withDeadline(next.query(`LISTEN ${options.channel}`), heartbeatTimeoutMs)
      if (stopped || client !== next) {
        destroyClient(next)
        return
      }
      provenAliveAt = listenSent
      // Not keeping the process alive: the HTTP server decides when the process ends.
      ;(
        next as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.()
      attempt = 0
      setConnected(true)
      const beat = () => {
        healthTimer = setTimeout(() => {
          const sent = Date.now()
          withDeadline(next.query('SELECT 1'), heartbeatTimeoutMs).then(
            () => {
              if (client !== next) return
              provenAliveAt = sent
              beat()
            },
            (error: Error) => drop(error.message, next),
          )
        }, heartbeatMs)
        healthTimer.unref()
      }
      beat()
    } catch (error) {
      drop((error as Error).message, next)
    }
  }

  void connect()
  return {
    get connected() {
      return connected
    },
    get provenAliveAt() {
      return connected ? provenAliveAt : 0
    },
    stop: async () => {
      stopped = true
      if (retryTimer) clearTimeout(retryTimer)
      if (healthTimer) clearTimeout(healthTimer)
      const current = client
      client = undefined
      setConnected(false)
      if (current) {
        current.on('error', () => undefined)
        // A polite end, but not forever: the connection may be the hung one.
        await withDeadline(current.end(), heartbeatTimeoutMs).catch(() => destroyClient(current))
      }
    },
  }
}

/** `promise`, or a rejection after `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
      timer.unref()
    }),
  ]).finally(() => clearTimeout(timer))
}
