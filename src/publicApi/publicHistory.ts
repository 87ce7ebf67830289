import {
  publicationStandard,
  STANDARD_KEYS,
  type StandardKey,
} from '../standard/publicationStandard'
import { toPlainText } from '../standard/safeText'
import { PUBLIC_EXTRA_KEYS, type PublicRow, type RunQuery } from './publicReaders'
import { sanitisePublicValue } from './publicRecord'

/** One changed field between two published revisions. */
export interface PublicFieldChange {
  /** Standard key, or `eu_ai_act.<part>` / `based_on.<part>` for the public extras. */
  field: string
  /** Dutch title of the field. */
  title: string
  before: unknown
  after: unknown
}

/** One published revision in the public changelog. */
export interface PublicRevision {
  revisionNumber: number
  approvedAt: string
  /** How the revision came to be: approved in this register, or imported. */
  source: string
  /** What the organisation wrote about this change; null for a first publication. */
  changeSummary: string | null
  /** SHA-256 of the published record, to check a copy against. */
  contentHash: string
  changes: PublicFieldChange[]
}

/** The public changelog of one algorithm. */
export interface PublicHistory {
  lars: string
  name: string
  organization: string
  revisionCount: number
  revisions: PublicRevision[]
}

const EXTRA_TITLES: Record<string, string> = {
  'eu_ai_act.eu_database_url': 'Link naar de registratie in de EU-databank',
  'eu_ai_act.fria_summary': 'Samenvatting grondrechteneffectbeoordeling (FRIA)',
  'eu_ai_act.dpia_summary': 'Samenvatting gegevensbeschermingseffectbeoordeling (DPIA)',
  'based_on.lars': 'Gebaseerd op (Algoritme-ID)',
  'based_on.organization': 'Gebaseerd op (organisatie)',
  'based_on.revision': 'Gebaseerd op (versie)',
}

const PUBLIC_TOP_KEYS = new Set<string>([...STANDARD_KEYS, ...PUBLIC_EXTRA_KEYS])

function titleOf(field: string): string {
  if (EXTRA_TITLES[field]) return EXTRA_TITLES[field]
  const top = field.split('.')[0]
  return (STANDARD_KEYS as readonly string[]).includes(top)
    ? publicationStandard[top as StandardKey].title.nl
    : field
}

function changesOf(diff: unknown): PublicFieldChange[] {
  if (!Array.isArray(diff)) return []
  const changes: PublicFieldChange[] = []
  for (const item of diff as Array<Record<string, unknown>>) {
    const field = typeof item?.field === 'string' ? item.field : ''
    // Revisions hold public records only; checking again costs nothing and keeps it that way.
    if (!PUBLIC_TOP_KEYS.has(field.split('.')[0])) continue
    changes.push({
      field,
      title: titleOf(field),
      // Snapshots of revisions approved before output was sanitised may hold markup.
      before: sanitisePublicValue(field, item.before ?? null) ?? null,
      after: sanitisePublicValue(field, item.after ?? null) ?? null,
    })
  }
  return changes
}

/**
 * Every published revision of an algorithm, newest first, with the organisation's change summary
 * and the per-field difference with the revision before. Who wrote or approved a revision is
 * not shown: the organisation is accountable, and civil servants' names are personal data.
 */
export async function readHistory(run: RunQuery, row: PublicRow): Promise<PublicHistory> {
  const rows = await run<Record<string, unknown>>(
    `SELECT revision_number::int AS revision_number, approved_at, source::text AS source,
        change_summary, content_hash, diff
     FROM revisions WHERE algorithm_id = $1 AND revision_number <= $2
     ORDER BY revision_number DESC`,
    [row.algorithmId, row.revisionNumber],
  )
  return {
    lars: row.lars,
    name: toPlainText(row.record.name),
    organization: row.organisationName,
    revisionCount: rows.length,
    revisions: rows.map((revision) => ({
      revisionNumber: Number(revision.revision_number),
      approvedAt: new Date(revision.approved_at as Date).toISOString(),
      source: String(revision.source),
      changeSummary:
        typeof revision.change_summary === 'string' && revision.change_summary.trim() !== ''
          ? toPlainText(revision.change_summary)
          : null,
      contentHash: String(revision.content_hash),
      changes: changesOf(revision.diff),
    })),
  }
}
