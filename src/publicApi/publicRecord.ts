import { createHash } from 'node:crypto'

import type { Algorithm, Organisation } from '../../payload-types'
import { canonicalJson } from '../audit/canonicalJson'
import {
  publicationStandard,
  STANDARD_KEYS,
  STANDARD_VERSION,
  type StandardKey,
} from '../standard/publicationStandard'
import { lexicalToHtml } from '../standard/richText'

const HIGH_RISK = 'Hoog-risico AI-systeem'

/**
 * What the public sees of one algorithm: every key of publication standard 1.0 (long texts as
 * the standard's HTML, `organization` as the organisation's name), plus the register's public
 * extras: the EU AI Act deployer fields for high-risk AI systems and the template provenance.
 * Internal fields are never read here.
 */
export type PublicRecord = Record<StandardKey, unknown> & {
  eu_ai_act?: { eu_database_url: string; fria_summary: string; dpia_summary: string }
  based_on?: { lars: string; organization: string; revision: number | null }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function links(value: unknown): Array<{ title: string; link: string }> {
  if (!Array.isArray(value)) return []
  return value.map((item: { title?: unknown; link?: unknown }) => ({
    title: text(item?.title),
    link: text(item?.link),
  }))
}

/** Builds the public record from the working copy, at the moment it is approved. */
export function buildPublicRecord(
  doc: Algorithm,
  organisation: Pick<Organisation, 'name'>,
  publicationDate: string,
): PublicRecord {
  const source = doc as unknown as Record<string, unknown>
  const record = {} as PublicRecord
  for (const key of STANDARD_KEYS) {
    const kind = publicationStandard[key].kind
    const value = source[key]
    switch (kind) {
      case 'richText':
        record[key] = key === 'tags' ? text(value) : value ? lexicalToHtml(value) : ''
        break
      case 'multiEnum':
        record[key] = Array.isArray(value) ? [...value] : []
        break
      case 'links':
        record[key] = links(value)
        break
      case 'organisation':
        record[key] = organisation.name
        break
      default:
        record[key] = text(value)
    }
  }
  record.standard_version = STANDARD_VERSION
  record.lang = text(doc.lang) || 'nld'
  record.publication_dt = publicationDate
  if (doc.publication_category === HIGH_RISK) {
    record.eu_ai_act = {
      eu_database_url: text(doc.eu_database_url),
      fria_summary: text(doc.fria_summary),
      dpia_summary: text(doc.dpia_summary),
    }
  }
  if (doc.basedOn?.lars) {
    record.based_on = {
      lars: doc.basedOn.lars,
      organization: text(doc.basedOn.organisationName),
      revision: doc.basedOn.revisionNumber ?? null,
    }
  }
  return record
}

/** SHA-256 of the record's canonical JSON: identifies exactly what was published. */
export function publicRecordHash(record: PublicRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex')
}

/**
 * How the public API names an organisation: its TOOI code, or `org-<id>` for an organisation
 * imported without one (until an admin fills in the code).
 */
export function publicOrganisationCode(organisation: Pick<Organisation, 'id' | 'code'>): string {
  return organisation.code || `org-${organisation.id}`
}
