import type { Payload, Where } from 'payload'

import { serializeCsv } from '../interop/csvCodec'
import type { ChainAnchor, ChainLink } from './verifyAuditChain'

/** Which events an export holds. */
export interface AuditExportQuery {
  /** Only this organisation's events; all events when null (platform admins). */
  organisationId: number | null
  /** Inclusive start (ISO date-time). */
  from?: string
  /** Exclusive end (ISO date-time). */
  to?: string
}

/** What a JSON export adds so that a reader can check the chain without database access. */
export interface AuditExportChain {
  /** The newest event of the whole chain when the export was made. */
  head: ChainAnchor | null
  /**
   * Sequence, previous hash and hash of the events between the first and the last exported
   * one that the export leaves out (other organisations' events): with them the exported
   * events can be linked into one unbroken piece of the chain.
   */
  links: ChainLink[]
}

/** Identifies the JSON layout, so that a later change to it can be recognised. */
export const AUDIT_EXPORT_FORMAT = 'algoritmeregister-audit-export/1'

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

const PAGE = 1000

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
      limit: PAGE,
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

/**
 * The chain around exported events: the current head, and the bare links of the events in
 * between that the export leaves out. Links carry no content, only hashes, so handing them to
 * an auditor of one organisation shows nothing of another organisation's work.
 */
export async function collectChainContext(
  payload: Payload,
  events: Array<Record<string, unknown>>,
): Promise<AuditExportChain> {
  const last = await payload.find({
    collection: 'audit-events',
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { sequence: true, hash: true },
  })
  const top = last.docs[0] as { sequence?: number; hash?: string } | undefined
  const head = top ? { sequence: Number(top.sequence), hash: String(top.hash) } : null
  if (events.length === 0) return { head, links: [] }
  const exported = new Set(events.map((event) => Number(event.sequence)))
  const first = Number(events[0].sequence)
  const end = Number(events[events.length - 1].sequence)
  const links: ChainLink[] = []
  for (let after = first; ; ) {
    const result = await payload.find({
      collection: 'audit-events',
      where: {
        and: [{ sequence: { greater_than: after } }, { sequence: { less_than: end } }],
      },
      sort: 'sequence',
      limit: PAGE,
      depth: 0,
      overrideAccess: true,
      select: { sequence: true, previousHash: true, hash: true },
    })
    const docs = result.docs as unknown as Array<Record<string, unknown>>
    for (const doc of docs) {
      const sequence = Number(doc.sequence)
      if (!exported.has(sequence)) {
        links.push({ sequence, previousHash: String(doc.previousHash), hash: String(doc.hash) })
      }
    }
    if (!result.hasNextPage || docs.length === 0) break
    after = Number(docs[docs.length - 1].sequence)
  }
  return { head, links }
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula. Names, e-mail addresses typed at a failed login and comments come from people, so
 * such a cell gets a leading apostrophe (the usual defence); the JSON export keeps the exact
 * text for verification.
 */
function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** CSV with one row per event; structured columns (changes, details) as JSON text. */
export function auditEventsToCsv(events: Array<Record<string, unknown>>): string {
  const rows = events.map((event) =>
    AUDIT_EXPORT_COLUMNS.map((column) => {
      const value = event[column]
      if (value === null || value === undefined) return ''
      if (typeof value === 'object') return JSON.stringify(value)
      return typeof value === 'string' ? spreadsheetSafe(value) : String(value)
    }),
  )
  return serializeCsv([[...AUDIT_EXPORT_COLUMNS], ...rows], {
    bom: true,
    quoteAll: true,
    eol: '\r\n',
  })
}

/**
 * JSON export: the events exactly as stored, plus (when given) the chain head and the links of
 * left-out events, so that {@link verifyAuditExport} can re-check the file on its own.
 */
export function auditEventsToJson(
  events: Array<Record<string, unknown>>,
  query: AuditExportQuery,
  chain?: AuditExportChain,
): string {
  const cleaned = events.map((event) =>
    Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((column) => [column, event[column] ?? null])),
  )
  return JSON.stringify(
    {
      format: AUDIT_EXPORT_FORMAT,
      exportedFor: query,
      count: cleaned.length,
      events: cleaned,
      ...(chain ? { chainHead: chain.head, links: chain.links } : {}),
    },
    null,
    2,
  )
}
