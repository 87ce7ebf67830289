import type { CollectionBeforeChangeHook } from 'payload'

import { auditHashContent, computeAuditHash, GENESIS_HASH } from '../src/audit/auditHash'
import { lockAuditChainHead } from '../src/database/payloadTables'

/** Advisory-lock key that serialises appends to the audit chain across all processes. */
export const AUDIT_CHAIN_LOCK = 727_0101

/**
 * Links a new audit event to the chain. One global chain: a transaction-scoped advisory lock
 * makes appends from concurrent transactions (and server processes) take turns, so every event
 * sees its committed predecessor; the lock is released at COMMIT or ROLLBACK, and a rolled-back
 * append leaves no link behind (the next event reuses its sequence number, so no gap either).
 * Because the lock is held until COMMIT, events commit in sequence order and a reader always
 * sees a whole prefix of the chain. This relies on READ COMMITTED (Payload's default): each
 * statement sees what committed before it. Should that ever not hold, the unique indexes on
 * sequence and hash refuse the second of two competing appends instead of forking the chain.
 */
export const chainAuditEvent: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  if (!req.transactionID) {
    throw new Error('Audit events can only be written inside a database transaction.')
  }
  const last = await lockAuditChainHead(req, AUDIT_CHAIN_LOCK)
  data.sequence = last ? last.sequence + 1 : 1
  data.previousHash = last ? last.hash : GENESIS_HASH
  data.hash = computeAuditHash(auditHashContent(data))
  return data
}
