import type { PayloadRequest } from 'payload'

import { presentDatabaseObjects } from '../database/payloadTables'
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
  const present = await presentDatabaseObjects(req, REGISTER_GUARD_TRIGGERS)
  const missing = ['public_algorithms', ...REGISTER_GUARD_TRIGGERS].filter((n) => !present.has(n))
  if (missing.length === 0) verified.add(req.payload)
  return missing
}
