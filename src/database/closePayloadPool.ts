import type { Payload } from 'payload'

import { poolOf } from './runSql'

interface PoolInternals {
  on: (event: 'error', listener: () => void) => void
  end: () => Promise<void>
  _clients?: Array<{ on: (event: 'error', listener: () => void) => void }>
}

/**
 * Ends Payload's connection pool before its database goes away. Stopping the embedded
 * PostgreSQL ends open connections from the server side; without a listener on the pool and on
 * each client that 'error' event crashes the process after the work was done. `pool.end()` can
 * wait forever for the connection Payload keeps checked out, so it gets `waitMs`.
 */
export async function closePayloadPool(payload: Payload, waitMs = 2000): Promise<void> {
  const pool = poolOf(payload) as unknown as PoolInternals
  pool.on('error', () => undefined)
  for (const client of pool._clients ?? []) client.on('error', () => undefined)
  await Promise.race([
    pool.end().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, waitMs).unref()),
  ])
}
