import type { Payload, Where } from 'payload'

import { serializeCsv } from '../interop/csvCodec'

export interface AuditExportQuery {
  /** Only this organisation's events; all events when null (platform admins). */
  organisationId: number | null
  /** Inclusive start (ISO date or date-time). */
  from?: string
  /** Exclusive end (ISO date or date-time). */
  to?: string
}

export const AUDIT_EXPORT_COLUMNS = [
  'sequence',
  'occurredAt',
  'eventType',
  'summary',
  'actorId',
  'actorName',
  'actorRole',
  'organisationId',
  'targetCollection',
  'targetId',
  'targetLabel',
  'comment',
  'changes',
  'details',
  'requestId',
  'previousHash',
  'hash',
] as const

/** The events of one organisation and period, oldest first, read in pages. */
export async function collectAuditEvents(
  payload: Payload,
  query: AuditExportQuery,
  access: { user?: unknown; overrideAccess: boolean },
): Promise<Array<Record<string, unknown>>> {
  const conditions: Where[] = []
  if (query.organisationId !== null)
    conditions.push({ organisationId: { equals: query.organisationId } })
  if (query.from) conditions.push({ occurredAt: { greater_than_equal: query.from } })
  if (query.to) conditions.push({ occurredAt: { less_than: query.to } })
  const events: Array<Record<string, unknown>> = []
  for (let page = 1; ; page += 1) {
    const result = await payload.find({
      collection: 'audit-events',
      where: conditions.length > 0 ? { and: conditions } : {},
      sort: 'sequence',
      limit: 1000,
      page,
      depth: 0,
      overrideAccess: access.overrideAccess,
      user: access.user as never,
    })
    events.push(...(result.docs as unknown as Array<Record<string, unknown>>))
    if (!result.hasNextPage) break
  }
  return events
}

/** CSV with one row per event; structured columns (changes, details) as JSON text. */
export function auditEventsToCsv(events: Array<Record<string, unknown>>): string {
  const rows = events.map((event) =>
    AUDIT_EXPORT_COLUMNS.map((column) => {
      const value = event[column]
      if (value === null || value === undefined) return ''
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
    }),
  )
  return serializeCsv([[...AUDIT_EXPORT_COLUMNS], ...rows], {
    bom: true,
    quoteAll: true,
    eol: '\r\n',
  })
}

/** JSON export: the events as stored, so the chain can be re-verified from the file. */
export function auditEventsToJson(
  events: Array<Record<string, unknown>>,
  query: AuditExportQuery,
): string {
  const cleaned = events.map((event) =>
    Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((column) => [column, event[column] ?? null])),
  )
  return JSON.stringify({ exportedFor: query, count: cleaned.length, events: cleaned }, null, 2)
}
