import type { PostgresAdapter, sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

/** A statement built with the `sql` tag re-exported by @payloadcms/db-postgres. */
export type SqlStatement = ReturnType<typeof sql>

/**
 * Runs raw SQL on the connection of the request's open transaction (or the pool when there is
 * none), so that hand-written statements commit or roll back together with Payload's writes.
 */
export async function runSql<Row extends Record<string, unknown>>(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  statement: SqlStatement,
): Promise<Row[]> {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const db = (transactionID !== undefined && adapter.sessions[transactionID]?.db) || adapter.drizzle
  // Payload's adapter and drizzle package carry separate copies of drizzle's types.
  const result = (await db.execute(statement as never)) as unknown as { rows: Row[] }
  return result.rows
}

/** The adapter's connection pool, for work outside Payload's transactions (LISTEN, health). */
export function poolOf(payload: Payload): PostgresAdapter['pool'] {
  return (payload.db as unknown as PostgresAdapter).pool
}
