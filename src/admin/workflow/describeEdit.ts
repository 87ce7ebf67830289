import type { Bilingual } from '../../i18n/localise'
import { publicationStandard, type StandardKey } from '../../standard/publicationStandard'

const OTHER_FIELDS: Record<string, Bilingual> = {
  internal_notes: { nl: 'Interne notities', en: 'Internal notes' },
  internal_owner: { nl: 'Eigenaar', en: 'Owner' },
  internal_contact: { nl: 'Interne contactpersoon', en: 'Internal contact' },
  publication_category_rationale: {
    nl: 'Waarom deze publicatiecategorie',
    en: 'Why this publication category',
  },
  eu_database_url: { nl: 'Link naar de EU-databank', en: 'EU database link' },
  fria_summary: { nl: 'Samenvatting FRIA', en: 'FRIA summary' },
  dpia_summary: { nl: 'Samenvatting DPIA', en: 'DPIA summary' },
}

/** The title an editor knows a field by, or null for fields the system keeps for itself. */
export function fieldTitle(key: string, language: 'nl' | 'en'): string | null {
  const segments = key.split('.')
  const top = segments[0]
  if (top in publicationStandard) return publicationStandard[top as StandardKey].title[language]
  if (top in OTHER_FIELDS) return OTHER_FIELDS[top][language]
  // The public record nests the EU AI Act fields (eu_ai_act.fria_summary).
  const last = segments[segments.length - 1]
  if (segments.length > 1 && last in OTHER_FIELDS) return OTHER_FIELDS[last][language]
  return null
}

/**
 * Turns the audit summary of an edit ("Naam gewijzigd (description_short, goal)") into the
 * field titles editors know ("Korte omschrijving, Doel en impact"). Fields the system keeps
 * (workflow bookkeeping, timestamps) are left out; null when nothing an editor knows is left.
 */
export function describeEdit(
  summary: string | null | undefined,
  language: 'nl' | 'en',
): string | null {
  const match = /\(([^()]*)\)\s*$/.exec(summary ?? '')
  if (!match) return null
  const titles = match[1]
    .split(',')
    .map((key) => fieldTitle(key.trim(), language))
    .filter((title): title is string => title !== null)
  return titles.length > 0 ? [...new Set(titles)].join(', ') : null
}
