import { auditEventsPage, type Queryable } from '../database/payloadTables'
import { AuditChainVerifier, type ChainAnchor, type ChainReport } from './verifyAuditChain'

/** The part of a pg Pool or Client this module uses. */
export type AuditQueryable = Queryable

const PAGE_SIZE = 2000

/**
 * An audit_events row as the pg driver returns it (numeric as text, timestamptz as Date, jsonb
 * parsed), in the field names the hash and Payload use.
 */
export function auditEventFromRow(row: Record<string, unknown>): Record<string, unknown> {
  return {
    id: row.id,
    sequence: Number(row.sequence),
    eventType: row.event_type,
    summary: row.summary,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    organisationId: row.organisation_id,
    targetCollection: row.target_collection,
    targetId: row.target_id,
    targetLabel: row.target_label,
    changes: row.changes,
    comment: row.comment,
    details: row.details,
    requestId: row.request_id,
    previousHash: row.previous_hash,
    hash: row.hash,
  }
}

/**
 * Verifies the whole chain straight from the table, in pages, with plain SQL: no Payload, no
 * access rules, nothing in between that could hide a row. Events appended while it runs are
 * checked too (appends commit in sequence order, so every page sees a whole prefix).
 */
export async function verifyAuditChainInDatabase(
  db: AuditQueryable,
  options: { anchor?: ChainAnchor; pageSize?: number } = {},
): Promise<ChainReport> {
  const verifier = new AuditChainVerifier({ anchor: options.anchor })
  const pageSize = options.pageSize ?? PAGE_SIZE
  let after = 0
  for (;;) {
    const rows = await auditEventsPage(db, after, pageSize)
    if (rows.length === 0) break
    const events = rows.map(auditEventFromRow)
    if (!verifier.feed(events)) break
    after = Number(events[events.length - 1].sequence)
    if (rows.length < pageSize) break
  }
  return verifier.report()
}
