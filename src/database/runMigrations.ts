import type { Payload } from 'payload'

import { migrations } from '../../migrations'
import { poolOf } from './runSql'

/** Advisory-lock key: migrations run in one process at a time. */
const MIGRATION_LOCK = 727_0303

/**
 * Applies the committed migrations that have not run yet. A session advisory lock makes
 * concurrent starts (several server processes, a deploy next to a running CLI) wait for each
 * other instead of racing on the schema.
 */
export async function runMigrations(payload: Payload): Promise<void> {
  const client = await poolOf(payload).connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      // The generated list is typed against the adapter's own copy of drizzle's types.
      await payload.db.migrate({ migrations: migrations as never })
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}
