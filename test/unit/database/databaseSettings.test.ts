/** The database timeouts and probe settings read from the environment (src/database/databaseSettings.ts). */
import { describe, expect, it, jest } from '@jest/globals'

import { poolTimeouts, readDatabaseSettings } from '../../../src/database/databaseSettings'

describe('readDatabaseSettings', () => {
  it('has defaults that give a 503 within seconds and leave real work minutes', () => {
    expect(readDatabaseSettings({})).toEqual({
      connectTimeoutMs: 5000,
      statementTimeoutMs: 60_000,
      queryTimeoutMs: 65_000,
      idleInTransactionTimeoutMs: 60_000,
      probeTimeoutMs: 2000,
      probeAfterMs: 2000,
      retryAfterSeconds: 5,
    })
  })

  it('reads every variable; the client-side query timeout follows the statement timeout', () => {
    const settings = readDatabaseSettings({
      DATABASE_CONNECT_TIMEOUT_MS: '3000',
      DATABASE_STATEMENT_TIMEOUT_MS: '20000',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '30000',
      DATABASE_PROBE_TIMEOUT_MS: '1500',
      DATABASE_PROBE_AFTER_MS: '4000',
      DATABASE_RETRY_AFTER_S: '10',
    })
    expect(settings).toEqual({
      connectTimeoutMs: 3000,
      statementTimeoutMs: 20_000,
      queryTimeoutMs: 25_000,
      idleInTransactionTimeoutMs: 30_000,
      probeTimeoutMs: 1500,
      probeAfterMs: 4000,
      retryAfterSeconds: 10,
    })
    expect(poolTimeouts(settings)).toEqual({
      connectionTimeoutMillis: 3000,
      statement_timeout: 20_000,
      query_timeout: 25_000,
      idle_in_transaction_session_timeout: 30_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    })
  })

  it('falls back to the default and names the variable when a value is not usable', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const settings = readDatabaseSettings({
        DATABASE_STATEMENT_TIMEOUT_MS: 'veel',
        DATABASE_CONNECT_TIMEOUT_MS: '-1',
      })
      expect(settings.statementTimeoutMs).toBe(60_000)
      expect(settings.connectTimeoutMs).toBe(5000)
      expect(warn.mock.calls.map(([line]) => String(line))).toEqual([
        expect.stringContaining('DATABASE_STATEMENT_TIMEOUT_MS'),
        expect.stringContaining('DATABASE_CONNECT_TIMEOUT_MS'),
      ])
    } finally {
      warn.mockRestore()
    }
  })
})
