/**
 * One repair for web addresses in imported records that is safe enough to do without asking: an
 * address typed without `https://` (`www.noorderhaaks.nl/algoritmes`). The register only accepts
 * full web addresses; the national export holds dozens of these. Anything else that is not a
 * valid address is left alone, so the register's own check rejects it with a clear reason:
 * guessing at "niet openbaar" or a link's anchor text would publish something nobody wrote.
 */

import { isHttpUrl } from '../standard/validators'
import type { NormalisedRecord } from './normaliseRow'
import type { ImportWarning } from './readImportFile'

/** Single web-address fields of the standard (contact_email may also be an address). */
const ADDRESS_FIELDS = [
  'website',
  'url',
  'publiccode',
  'process_index_url',
  'contact_email',
] as const

const LINK_FIELDS = [
  'lawful_basis_grouping',
  'impacttoetsen_grouping',
  'source_data_grouping',
] as const

function repaired(value: string): string | undefined {
  if (!/^www\.\S+$/i.test(value)) return undefined
  const candidate = `https://${value}`
  return isHttpUrl(candidate) ? candidate : undefined
}

/**
 * Puts `https://` before web addresses that start with `www.` and have no scheme, in place, and
 * returns a warning for each one.
 */
export function repairWebAddresses(record: NormalisedRecord, rowNumber: number): ImportWarning[] {
  const warnings: ImportWarning[] = []
  const note = (field: string, before: string, after: string): void => {
    warnings.push({
      row: rowNumber,
      field,
      kind: 'changed',
      value: before,
      message: {
        nl: `Webadres "${before}" had geen https:// ervoor; het is "${after}" geworden.`,
        en: `Web address "${before}" had no https:// in front; it became "${after}".`,
      },
    })
  }
  for (const field of ADDRESS_FIELDS) {
    const fixed = repaired(record[field])
    if (fixed) {
      note(field, record[field], fixed)
      record[field] = fixed
    }
  }
  for (const field of LINK_FIELDS) {
    record[field] = record[field].map((item) => {
      const fixed = repaired(item.link)
      if (!fixed) return item
      note(field, item.link, fixed)
      return { ...item, link: fixed }
    })
  }
  return warnings
}
