import type { Payload } from 'payload'

import { migrations } from '../../migrations'
import { poolOf } from './runSql'

/** Advisory-lock key: migrations (and first-run seeding) run in one process at a time. */
const MIGRATION_LOCK = 727_0303

/** Pause between attempts to take the lock while another process holds it. */
const LOCK_RETRY_MS = 250

/**
 * Runs `work` while holding the migration lock, a session advisory lock on a connection of its
 * own. Concurrent starts (several server processes, a deploy next to a running CLI) wait for each
 * other instead of racing on the schema or on seeding an empty database. The lock is asked for
 * with `pg_try_advisory_lock` in a loop rather than a blocking `pg_advisory_lock`: the pool's
 * statement and query timeouts would cancel a long wait and fail the start.
 */
export async function withMigrationLock<T>(payload: Payload, work: () => Promise<T>): Promise<T> {
  const client = await poolOf(payload).connect()
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [MIGRATION_LOCK],
      )
      if (rows[0]?.locked) break
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS))
    }
    try {
      return await work()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}

/** Applies the committed migrations that have not run yet. Call it inside the migration lock. */
export async function applyMigrations(payload: Payload): Promise<void> {
  // The generated list is typed against the adapter's own copy of drizzle's types.
  await payload.db.migrate({ migrations: migrations as never })
}

/** Applies the committed migrations that have not run yet, under the migration lock. */
export async function runMigrations(payload: Payload): Promise<void> {
  await withMigrationLock(payload, () => applyMigrations(payload))
}
