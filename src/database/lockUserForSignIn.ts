import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { runSql } from './runSql'
import { SESSION_LOCK_NAMESPACE } from '../auth/serializeSessionWrites'

/**
 * Takes the per-user advisory lock that session writes use, for the rest of the request's
 * transaction: two logins with the same one-time code then check and record it one after the
 * other, so the second sees the first's time step and is refused as a replay.
 */
export async function lockUserForSignIn(req: PayloadRequest, userId: number): Promise<void> {
  if (!req.transactionID) throw new Error('lockUserForSignIn needs a transaction on req.')
  await runSql(req, sql`SELECT pg_advisory_xact_lock(${SESSION_LOCK_NAMESPACE}, ${userId})`)
}
