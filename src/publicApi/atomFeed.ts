import { toPlainText } from '../standard/safeText'
import type { RunQuery } from './publicReaders'

/** How many entries the feed holds. */
export const FEED_SIZE = 50

/** One event in the feed. */
export interface FeedEntry {
  kind: 'published' | 'changed' | 'withdrawn'
  lars: string
  revisionNumber: number
  at: string
  name: string
  organisation: string
  summary: string
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
}

/**
 * The latest publications, changes and withdrawals, of the whole register or of one
 * organisation (its TOOI code). Revisions of algorithms that are withdrawn now are left out
 * (they left the register); their withdrawal is an entry of its own.
 */
export async function readFeedEntries(
  run: RunQuery,
  organisation: string | null = null,
): Promise<FeedEntry[]> {
  const own = organisation ? 'AND p.organisation_code = $1' : ''
  const rows = await run<Record<string, unknown>>(
    `(SELECT 'revision' AS kind, p.lars, r.revision_number::int AS revision_number,
        r.approved_at AS at, r.snapshot->>'name' AS name, p.organisation_name,
        coalesce(nullif(r.change_summary, ''), r.snapshot->>'description_short') AS summary
      FROM revisions r JOIN public_algorithms p ON p.algorithm_id = r.algorithm_id
      WHERE p.withdrawn_at IS NULL AND r.revision_number <= p.revision_number ${own}
      ORDER BY r.approved_at DESC, r.id DESC LIMIT ${FEED_SIZE})
     UNION ALL
     (SELECT 'withdrawn', lars, revision_number, withdrawn_at, record->>'name', organisation_name,
        NULL
      FROM public_algorithms p WHERE withdrawn_at IS NOT NULL ${own}
      ORDER BY withdrawn_at DESC LIMIT ${FEED_SIZE})
     ORDER BY at DESC, lars LIMIT ${FEED_SIZE}`,
    organisation ? [organisation] : [],
  )
  return rows.map((row) => {
    const revisionNumber = Number(row.revision_number)
    const kind =
      row.kind === 'withdrawn' ? 'withdrawn' : revisionNumber === 1 ? 'published' : 'changed'
    return {
      kind,
      lars: String(row.lars),
      revisionNumber,
      at: new Date(row.at as Date).toISOString(),
      // Plain text (markup stored before validation got stricter removed); escaped as XML below.
      name: toPlainText(row.name),
      organisation: toPlainText(row.organisation_name),
      summary: toPlainText(row.summary),
    }
  })
}

const KIND_TITLES: Record<FeedEntry['kind'], string> = {
  published: 'Nieuw gepubliceerd',
  changed: 'Gewijzigd',
  withdrawn: 'Publicatie ingetrokken',
}

/** Renders the entries as an Atom 1.0 document (RFC 4287); `organisation` names a filtered feed. */
export function renderAtomFeed(
  entries: FeedEntry[],
  serverUrl: string,
  organisation: string | null = null,
): string {
  const base = serverUrl.replace(/\/+$/, '')
  const host = new URL(base).hostname
  const query = organisation ? `?organisation=${encodeURIComponent(organisation)}` : ''
  const feedUrl = `${base}/register/v1/feed${query}`
  const updated = entries[0]?.at ?? new Date(0).toISOString()
  const items = entries.map((entry) => {
    const link = `${base}/register/v1/algorithms/${entry.lars}`
    const id =
      entry.kind === 'withdrawn'
        ? `tag:${host},2024:algorithms/${entry.lars}/withdrawn/${entry.at}`
        : `tag:${host},2024:algorithms/${entry.lars}/revisions/${entry.revisionNumber}`
    const title =
      entry.kind === 'changed'
        ? `${KIND_TITLES.changed}: ${entry.name} (versie ${entry.revisionNumber})`
        : `${KIND_TITLES[entry.kind]}: ${entry.name}`
    const summary =
      entry.kind === 'withdrawn'
        ? `${entry.organisation} heeft de publicatie van dit algoritme ingetrokken.`
        : entry.summary
    return [
      '  <entry>',
      `    <id>${escapeXml(id)}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${entry.at}</updated>`,
      `    <author><name>${escapeXml(entry.organisation)}</name></author>`,
      `    <link rel="alternate" type="application/json" href="${escapeXml(link)}"/>`,
      `    <category term="${entry.kind}"/>`,
      `    <summary>${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
    `  <id>tag:${escapeXml(host)},2024:register/v1/feed${organisation ? `/${escapeXml(organisation)}` : ''}</id>`,
    `  <title>Algoritmeregister: nieuwe en gewijzigde publicaties${organisation ? ` (${escapeXml(organisation)})` : ''}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    '  <generator>Algoritmeregister CMS</generator>',
    ...items,
    '</feed>',
    '',
  ].join('\n')
}
