/**
 * Repairs of web addresses and contact details in imported records. The register only accepts
 * full `https://` addresses (and one e-mail address or address for contact_email); a quarter of
 * the national export's rows hold something else in those fields. Rejecting all of them would
 * keep hundreds of published descriptions out, so the import follows the rule it has for every
 * optional field: repair what is unambiguous, leave out what is not an address, and say so in a
 * warning that quotes the original value (the warnings go into the import report and into the
 * row's import event in the audit history, so nothing is lost without a trace).
 *
 * - `www.noorderhaaks.nl/x`, `noorderhaaks.nl/x` (a bare host name) and `ttps://…` get
 *   `https://` in front.
 * - Text around an address (`Via het contactformulier: https://…`) is dropped; the address is
 *   kept. With several addresses the first is kept and the others are named in the warning.
 * - Text without any address (`niet openbaar`) is left out of an optional field: the website,
 *   source, code and processing-register links, and the link of an impact assessment (whose
 *   title stays).
 * - What cannot be repaired stays as it is, so that the register's own check rejects the row
 *   with a clear reason: contact_email without any address (it is required), and the required
 *   link of a lawful basis or a data source (leaving the item out would lose its title).
 */

import { isEmail, isEmailOrUrl, isHttpUrl } from '../standard/validators'
import type { LinkItem } from './flattenedLinks'
import type { NormalisedRecord } from './normaliseRow'
import type { ImportWarning } from './readImportFile'

/** Optional single-address fields of the standard. */
const OPTIONAL_ADDRESS_FIELDS = ['website', 'url', 'publiccode', 'process_index_url'] as const

const LINK_FIELDS = [
  'lawful_basis_grouping',
  'impacttoetsen_grouping',
  'source_data_grouping',
] as const
type LinkField = (typeof LINK_FIELDS)[number]

/** The grouping whose item link the standard does not require. */
const OPTIONAL_ITEM_LINK: ReadonlySet<LinkField> = new Set(['impacttoetsen_grouping'])

const HOST_PATH = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?:[/?#]\S*)?$/i
/** Candidates for an address inside text; trailing punctuation is trimmed afterwards. */
const ADDRESS_IN_TEXT = /(?:h?ttps?:\/\/|www\.)[^\s<>"'|]+/gi
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}/g

/** `https://` in front of a scheme-less address, `ttps://` mended; undefined if not an address. */
function completeAddress(value: string): string | undefined {
  if (isHttpUrl(value)) return value
  const candidate = /^ttps?:\/\//i.test(value)
    ? `h${value}`
    : HOST_PATH.test(value) && !value.includes('@')
      ? `https://${value}`
      : undefined
  return candidate && isHttpUrl(candidate) ? candidate : undefined
}

function addressesIn(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(ADDRESS_IN_TEXT)) {
    const address = completeAddress(match[0].replace(/[.,;:!?)\]]+$/, ''))
    if (address && !found.includes(address)) found.push(address)
  }
  return found
}

type Repair =
  | { kind: 'valid' }
  | { kind: 'completed'; value: string }
  | { kind: 'extracted'; value: string; others: string[] }
  | { kind: 'none' }

/** What can be made of one address field's value. */
function repairAddress(value: string): Repair {
  if (value === '' || isHttpUrl(value)) return { kind: 'valid' }
  const completed = completeAddress(value)
  if (completed) return { kind: 'completed', value: completed }
  const [first, ...others] = addressesIn(value)
  return first ? { kind: 'extracted', value: first, others } : { kind: 'none' }
}

function repairContact(value: string): Repair {
  if (value === '' || isEmailOrUrl(value)) return { kind: 'valid' }
  const emails = [...new Set(value.match(EMAIL_IN_TEXT) ?? [])].filter(isEmail)
  const [first, ...others] = [...emails, ...addressesIn(value)]
  if (!first) return { kind: 'none' }
  const whole = value.replace(/\s+/g, '') === first || completeAddress(value) === first
  return whole ? { kind: 'completed', value: first } : { kind: 'extracted', value: first, others }
}

/**
 * Repairs the address fields of a record in place (see the file comment) and returns a warning
 * for each change.
 */
export function repairWebAddresses(record: NormalisedRecord, rowNumber: number): ImportWarning[] {
  const warnings: ImportWarning[] = []
  const warn = (field: string, before: string, nl: string, en: string): void => {
    warnings.push({ row: rowNumber, field, kind: 'changed', value: before, message: { nl, en } })
  }
  /** Applies a repair; returns the new value, or undefined when nothing could be made of it. */
  const apply = (field: string, before: string, repair: Repair): string | undefined => {
    switch (repair.kind) {
      case 'valid':
        return before
      case 'completed':
        warn(
          field,
          before,
          `Webadres "${before}" was niet compleet; het is "${repair.value}" geworden.`,
          `Web address "${before}" was incomplete; it became "${repair.value}".`,
        )
        return repair.value
      case 'extracted': {
        const others = repair.others.length
          ? {
              nl: ` De andere ${repair.others.length === 1 ? 'link is' : 'links zijn'} weggelaten: ${repair.others.join(', ')}.`,
              en: ` The other ${repair.others.length === 1 ? 'link was' : 'links were'} left out: ${repair.others.join(', ')}.`,
            }
          : { nl: '', en: '' }
        warn(
          field,
          before,
          `In "${before}" stond tekst naast de link; alleen "${repair.value}" is overgenomen.${others.nl}`,
          `"${before}" held text next to the link; only "${repair.value}" was kept.${others.en}`,
        )
        return repair.value
      }
      case 'none':
        return undefined
    }
  }

  for (const field of OPTIONAL_ADDRESS_FIELDS) {
    const before = record[field]
    const after = apply(field, before, repairAddress(before))
    if (after !== undefined) {
      record[field] = after
      continue
    }
    warn(
      field,
      before,
      `"${before}" is geen webadres en is weggelaten (het veld is niet verplicht). Vul zo nodig een link in die begint met https://.`,
      `"${before}" is not a web address and was left out (the field is optional). Add a link starting with https:// if there is one.`,
    )
    record[field] = ''
  }

  const contact = apply('contact_email', record.contact_email, repairContact(record.contact_email))
  // Nothing usable: left as it is, so the required field's own check rejects the row.
  if (contact !== undefined) record.contact_email = contact

  for (const field of LINK_FIELDS) {
    record[field] = record[field].map((item): LinkItem => {
      const after = apply(field, item.link, repairAddress(item.link))
      if (after !== undefined) return after === item.link ? item : { ...item, link: after }
      if (!OPTIONAL_ITEM_LINK.has(field)) return item
      warn(
        field,
        item.link,
        `Bij "${item.title}" staat "${item.link}" in plaats van een link; die tekst is weggelaten, de titel blijft.`,
        `"${item.title}" has "${item.link}" instead of a link; that text was left out, the title stays.`,
      )
      return { ...item, link: '' }
    })
  }
  return warnings
}
