import { GENESIS_HASH } from './auditHash'
import {
  AuditChainVerifier,
  type ChainAnchor,
  type ChainLink,
  type ChainReport,
} from './verifyAuditChain'

type Entry =
  | { sequence: number; event: Record<string, unknown> }
  | { sequence: number; link: ChainLink }

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Re-checks a JSON export (see auditEventsToJson) without the database: every exported event
 * must still give its own hash, and together with the bare links of the left-out events they
 * must form one unbroken piece of the chain. The first event's predecessor cannot be checked
 * from the file alone (unless the export starts at sequence 1); compare it, or the export's
 * `chainHead`, with a head kept elsewhere to rule out a rewritten chain.
 *
 * @throws Error when the text is not an audit export at all.
 */
export function verifyAuditExport(
  exported: unknown,
  options: { anchor?: ChainAnchor } = {},
): ChainReport {
  if (!isRecord(exported) || !Array.isArray(exported.events)) {
    throw new Error('Dit is geen export van de geschiedenis: de lijst "events" ontbreekt.')
  }
  const entries: Entry[] = []
  for (const event of exported.events) {
    if (!isRecord(event)) throw new Error('Een gebeurtenis in de export is geen object.')
    entries.push({ sequence: Number(event.sequence), event })
  }
  for (const link of Array.isArray(exported.links) ? exported.links : []) {
    if (!isRecord(link)) throw new Error('Een schakel in de export is geen object.')
    entries.push({
      sequence: Number(link.sequence),
      link: {
        sequence: Number(link.sequence),
        previousHash: String(link.previousHash),
        hash: String(link.hash),
      },
    })
  }
  entries.sort((a, b) => a.sequence - b.sequence)
  const first = entries[0]
  const firstPrevious = first
    ? String('event' in first ? first.event.previousHash : first.link.previousHash)
    : GENESIS_HASH
  const verifier = new AuditChainVerifier({
    start: first
      ? {
          sequence: first.sequence,
          previousHash: first.sequence === 1 ? GENESIS_HASH : firstPrevious,
        }
      : undefined,
    anchor: options.anchor,
  })
  for (const entry of entries) {
    const fits = 'event' in entry ? verifier.feed([entry.event]) : verifier.feedLink(entry.link)
    if (!fits) break
  }
  return verifier.report()
}
