import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { runSql } from '../database/runSql'
import { REGISTER_GUARD_TRIGGERS } from './registerDatabaseObjects'

const verified = new WeakSet<object>()

/**
 * The register's own database objects (projection table, append-only triggers) that this
 * database lacks: a host that ran only its schema migration, not the register's predefined
 * one. Checked once per Payload instance; an empty list is remembered.
 */
export async function missingDatabaseObjects(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
): Promise<string[]> {
  if (verified.has(req.payload)) return []
  const rows = await runSql<{ name: string }>(
    req,
    sql`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal
        AND tgname IN (${sql.join(
          REGISTER_GUARD_TRIGGERS.map((name) => sql`${name}`),
          sql`, `,
        )})
        UNION ALL
        SELECT 'public_algorithms' WHERE to_regclass('public_algorithms') IS NOT NULL`,
  )
  const present = new Set(rows.map((row) => row.name))
  const missing = ['public_algorithms', ...REGISTER_GUARD_TRIGGERS].filter((n) => !present.has(n))
  if (missing.length === 0) verified.add(req.payload)
  return missing
}
