/**
 * Guesses the kind of a government organisation from its name, for organisations that an import
 * creates because the register does not know them yet. The national export only carries the
 * name, in Dutch or (in the English export) machine-translated, so both spellings are read.
 */

import type { OrganisationType } from '../organisations/organisationTypes'

/** Result of {@link inferOrganisationType}. */
export interface InferredOrganisationType {
  type: OrganisationType
  /** false when no rule matched and `overig` is only a fallback: an admin should check it. */
  certain: boolean
}

// Order matters: "Gemeenschappelijke regeling" must not be read as a municipality, and
// "Omgevingsdienst" names often contain a province or region name.
const RULES: ReadonlyArray<readonly [RegExp, OrganisationType]> = [
  [/\b(veiligheidsregio|safety region)\b/i, 'veiligheidsregio'],
  [
    /\b(omgevingsdienst|environment(al)? service|regional environment(al)? (agency|service))\b/i,
    'omgevingsdienst',
  ],
  [/\b(politie|police)\b/i, 'politie'],
  [/^gemeente\b|^municipality\b|\bmunicipality$|\bcity council$/i, 'gemeente'],
  [/^provincie\b|^province\b|\bprovince$/i, 'provincie'],
  [/\b(waterschap|hoogheemraadschap|wetterskip|water ?board|water authority)\b/i, 'waterschap'],
  [/^ministerie\b|^ministry\b/i, 'ministerie'],
]

/**
 * The organisation type a name suggests: `Gemeente …` is a gemeente, `Provincie …` a provincie,
 * `Waterschap …`/`Hoogheemraadschap …` a waterschap, `Ministerie …` a ministerie,
 * `Veiligheidsregio …`/`Safety region …` a veiligheidsregio, `Omgevingsdienst …` an
 * omgevingsdienst and `Politie …` politie, with the English export's spellings of each. Anything
 * else is `overig` with `certain: false`.
 */
export function inferOrganisationType(name: string): InferredOrganisationType {
  const text = name.trim().replace(/\s+/g, ' ')
  for (const [pattern, type] of RULES) {
    if (pattern.test(text)) return { type, certain: true }
  }
  return { type: 'overig', certain: false }
}

/**
 * The key two organisation names are compared by: case, accents in composed or decomposed form
 * and repeated or surrounding spaces do not count.
 */
export function organisationNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')
}
