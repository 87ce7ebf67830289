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
import {
  sanitiseHtmlFragment,
  sanitiseStandardHtml,
  toPlainText,
  toSafeLink,
} from '../standard/safeText'

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

const linkKinds = new Set(['url', 'emailOrUrl'])

/**
 * One public value made safe for output by the kind of its field: the standard's long texts as
 * sanitised HTML (`tags`, edited as plain text, without being put into paragraphs), web and
 * e-mail addresses
 * without script schemes, links lists item by item, everything else as plain text. `field` is a
 * standard key, or `eu_ai_act.<part>` / `based_on.<part>`; other fields give plain text.
 */
export function sanitisePublicValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value
  const [top, part] = field.split('.')
  if (top === 'eu_ai_act' || top === 'based_on') {
    if (part === undefined) return sanitiseExtra(top, value)
    if (part === 'revision') return typeof value === 'number' ? value : null
    return part === 'eu_database_url' ? toSafeLink(value) : toPlainText(value)
  }
  const kind = (publicationStandard as Record<string, { kind: string } | undefined>)[top]?.kind
  if (kind === 'links') {
    const link = (item: unknown) => (part === 'link' ? toSafeLink(item) : toPlainText(item))
    if (part !== undefined) return link(value)
    if (!Array.isArray(value)) return []
    return value.map((item: unknown) => {
      const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<
        string,
        unknown
      >
      return { title: toPlainText(entry.title), link: toSafeLink(entry.link) }
    })
  }
  if (Array.isArray(value)) return value.map((item) => toPlainText(item))
  if (kind === 'richText') {
    return top === 'tags' ? sanitiseHtmlFragment(value) : sanitiseStandardHtml(value)
  }
  if (kind !== undefined && linkKinds.has(kind)) return toSafeLink(value)
  return toPlainText(value)
}

function sanitiseExtra(top: 'eu_ai_act' | 'based_on', value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const result: Record<string, unknown> = {}
  for (const [part, partValue] of Object.entries(value)) {
    result[part] = sanitisePublicValue(`${top}.${part}`, partValue)
  }
  return result
}

/**
 * The public record with every value made safe for output ({@link sanitisePublicValue}). Applied
 * where the record is built at approval and again where the projection is read, so rows stored
 * before input validation got stricter (or changed in the database) never reach the public as
 * markup. Clean records come back unchanged.
 */
export function sanitisePublicRecord<T extends Record<string, unknown>>(record: T): T {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    const safe = sanitisePublicValue(key, value)
    if (safe !== undefined) result[key] = safe
  }
  return result as T
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
  return sanitisePublicRecord(record)
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
