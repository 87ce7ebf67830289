import pg from 'pg'

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
  /** How often the connection is checked with a query, in ms (default 15 000). */
  healthCheckMs?: number
}

/** A running listener. */
export interface PublicChangeListenerHandle {
  /** Whether notifications can currently be heard. */
  readonly connected: boolean
  /** Closes the connection and stops reconnecting. */
  stop: () => Promise<void>
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/

/**
 * LISTENs on the projection's channel on a connection of its own (not from Payload's pool, whose
 * clients come and go), so that a publication through any process reaches this one within
 * milliseconds of its COMMIT. When the connection drops, it reports `connected: false` (the
 * caller stops trusting its cache) and reconnects with a growing pause (0.25 s up to 5 s); a
 * periodic `SELECT 1` finds connections that died without an error.
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
    if (healthTimer) clearInterval(healthTimer)
    healthTimer = undefined
    setConnected(false)
    failed.removeAllListeners('notification')
    failed.on('error', () => undefined)
    void failed.end().catch(() => undefined)
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
    })
    client = next
    next.on('error', (error: Error) => drop(error.message, next))
    next.on('end', () => drop('connection ended', next))
    next.on('notification', (message: pg.Notification) => {
      if (message.channel === options.channel) options.onChange(message.payload ?? '')
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${options.channel}`)
      if (stopped || client !== next) {
        await next.end().catch(() => undefined)
        return
      }
      // Not keeping the process alive: the HTTP server decides when the process ends.
      ;(
        next as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.()
      attempt = 0
      setConnected(true)
      healthTimer = setInterval(() => {
        next.query('SELECT 1').catch((error: Error) => drop(error.message, next))
      }, options.healthCheckMs ?? 15000)
      healthTimer.unref()
    } catch (error) {
      drop((error as Error).message, next)
    }
  }

  void connect()
  return {
    get connected() {
      return connected
    },
    stop: async () => {
      stopped = true
      if (retryTimer) clearTimeout(retryTimer)
      if (healthTimer) clearInterval(healthTimer)
      const current = client
      client = undefined
      setConnected(false)
      if (current) {
        current.on('error', () => undefined)
        await current.end().catch(() => undefined)
      }
    },
  }
}
