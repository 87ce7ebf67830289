/**
 * Timeouts that turn a database that is away or hung into a quick, clear answer instead of a
 * request that never ends. Read from the environment; every value has a default that suits a
 * register (short public reads, editorial writes, imports of a few thousand rows).
 */
export interface DatabaseSettings {
  /** DATABASE_CONNECT_TIMEOUT_MS: how long opening a connection may take. */
  connectTimeoutMs: number
  /** DATABASE_STATEMENT_TIMEOUT_MS: the server cancels a statement that runs longer. */
  statementTimeoutMs: number
  /**
   * The client gives up on a statement this long after sending it, also when the server cannot
   * answer at all (a hung host, a dead network path): the statement timeout plus 5 s.
   */
  queryTimeoutMs: number
  /** DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: the server ends a transaction left open this long. */
  idleInTransactionTimeoutMs: number
  /** DATABASE_PROBE_TIMEOUT_MS: deadline of the reachability probe (connect plus `SELECT 1`). */
  probeTimeoutMs: number
  /**
   * DATABASE_PROBE_AFTER_MS: an API request without an answer after this long makes the server
   * probe the database; when the probe fails the request is answered 503 at once.
   */
  probeAfterMs: number
  /** DATABASE_RETRY_AFTER_S: the Retry-After of a 503 while the database is away. */
  retryAfterSeconds: number
}

function integerSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  // A bad value must not take the register down at import time: fall back and say so.
  if (!Number.isInteger(value) || value < min || value > max) {
    console.warn(
      `${name} moet een geheel getal van ${min} tot ${max} zijn, niet '${raw}'; ${fallback} wordt gebruikt.`,
    )
    return fallback
  }
  return value
}

/** Reads the DATABASE_*_TIMEOUT_MS and probe settings; see {@link DatabaseSettings}. */
export function readDatabaseSettings(
  env: Record<string, string | undefined> = process.env,
): DatabaseSettings {
  const statementTimeoutMs = integerSetting(
    env,
    'DATABASE_STATEMENT_TIMEOUT_MS',
    60_000,
    1000,
    86_400_000,
  )
  return {
    connectTimeoutMs: integerSetting(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    statementTimeoutMs,
    queryTimeoutMs: statementTimeoutMs + 5000,
    idleInTransactionTimeoutMs: integerSetting(
      env,
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      60_000,
      1000,
      86_400_000,
    ),
    probeTimeoutMs: integerSetting(env, 'DATABASE_PROBE_TIMEOUT_MS', 2000, 100, 60_000),
    probeAfterMs: integerSetting(env, 'DATABASE_PROBE_AFTER_MS', 2000, 100, 600_000),
    retryAfterSeconds: integerSetting(env, 'DATABASE_RETRY_AFTER_S', 5, 1, 3600),
  }
}

/** node-postgres pool options for these settings (spread into Payload's `pool`). */
export function poolTimeouts(settings: DatabaseSettings = readDatabaseSettings()): {
  connectionTimeoutMillis: number
  statement_timeout: number
  query_timeout: number
  idle_in_transaction_session_timeout: number
  keepAlive: boolean
  keepAliveInitialDelayMillis: number
} {
  return {
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    // TCP keepalive finds connections whose peer vanished without a word (failover, NAT).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  }
}
