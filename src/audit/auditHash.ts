import { createHash } from 'node:crypto'

import { canonicalJson } from './canonicalJson'

/**
 * The fields of an audit event that its hash covers, in the shape stored in the database:
 * everything a reader sees except the row id and Payload's own createdAt/updatedAt stamps.
 * Changing this list changes every hash, so it is part of the chain's format.
 */
export interface AuditHashContent {
  sequence: number
  eventType: string
  summary: string | null
  occurredAt: string
  actorId: number | null
  actorName: string | null
  actorRole: string | null
  organisationId: number | null
  targetCollection: string | null
  targetId: string | null
  targetLabel: string | null
  changes: unknown
  comment: string | null
  details: unknown
  requestId: string | null
  previousHash: string
}

/** Hash of the first link's predecessor: a chain starts from a fixed, documented value. */
export const GENESIS_HASH = '0'.repeat(64)

/** Picks the hashed fields from a stored or to-be-stored event, normalising absent values. */
export function auditHashContent(event: Record<string, unknown>): AuditHashContent {
  const text = (value: unknown) => (value === undefined || value === null ? null : String(value))
  const id = (value: unknown) => {
    if (value === undefined || value === null || value === '') return null
    const n = Number(value)
    return Number.isFinite(n) ? n : null
  }
  const occurred = event.occurredAt
  return {
    sequence: Number(event.sequence),
    eventType: String(event.eventType),
    summary: text(event.summary),
    occurredAt:
      occurred instanceof Date ? occurred.toISOString() : new Date(String(occurred)).toISOString(),
    actorId: id(event.actorId),
    actorName: text(event.actorName),
    actorRole: text(event.actorRole),
    organisationId: id(event.organisationId),
    targetCollection: text(event.targetCollection),
    targetId: text(event.targetId),
    targetLabel: text(event.targetLabel),
    changes: event.changes ?? null,
    comment: text(event.comment),
    details: event.details ?? null,
    requestId: text(event.requestId),
    previousHash: String(event.previousHash),
  }
}

/** SHA-256 over the previous link's hash and the event's canonical content. */
export function computeAuditHash(content: AuditHashContent): string {
  return createHash('sha256')
    .update(`${content.previousHash}\n${canonicalJson(content)}`)
    .digest('hex')
}
