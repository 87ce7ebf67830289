import type { FieldHook } from 'payload'

import { canonicalJson } from '../src/audit/canonicalJson'
import { throwFieldErrors } from '../src/errors/throwFieldErrors'
import type { Bilingual } from '../src/i18n/localise'

const MESSAGES: Record<string, Bilingual> = {
  lars: {
    nl: 'Het Algoritme-ID maakt het systeem zelf aan en het verandert nooit. U kunt het niet invullen of wijzigen.',
    en: 'The system creates the Algorithm ID and it never changes. You cannot set or change it.',
  },
  standard_version: {
    nl: 'Versie publicatiestandaard: die vult het systeem zelf in.',
    en: 'Publication standard version: the system sets it.',
  },
  publication_dt: {
    nl: 'Eerst gepubliceerd op: deze datum vult het systeem in bij de eerste goedkeuring.',
    en: 'First published on: the system sets this date at the first approval.',
  },
  workflow: {
    nl: 'De publicatiestatus verandert alleen via de knoppen Indienen, Goedkeuren, Terugzetten, Intrekken, Archiveren en Heropenen.',
    en: 'The publication state only changes through the Submit, Approve, Request changes, Withdraw, Archive and Reopen actions.',
  },
  organization: {
    nl: 'Een algoritme blijft bij de organisatie waar het is aangemaakt. Maak een nieuwe beschrijving vanuit een voorbeeld als een andere organisatie het ook gebruikt.',
    en: 'An algorithm stays with the organisation it was created in. Start a new description from a template if another organisation uses it too.',
  },
  basedOn: {
    nl: '‘Gebaseerd op’ vult het systeem in als u met een voorbeeld begint.',
    en: '‘Based on’ is set by the system when you start from a template.',
  },
}

/** Reduces values to what identifies them: populated relationships to ids, empties to null. */
function comparable(value: unknown): unknown {
  if (value === undefined || value === '') return null
  if (Array.isArray(value)) return value.map(comparable)
  if (value && typeof value === 'object') {
    if ('id' in value && ('createdAt' in value || 'updatedAt' in value))
      return (value as { id: unknown }).id
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, comparable(v)]),
    )
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return new Date(value).toISOString()
  // REST clients may send an id as text ("12"); the database gives it back as a number.
  if (typeof value === 'string' && /^[1-9]\d*$/.test(value) && Number.isSafeInteger(Number(value)))
    return Number(value)
  return value
}

/** True when every key the caller sent equals what is stored (the admin re-sends read-only fields). */
function unchanged(value: unknown, previous: unknown): boolean {
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !('id' in value && 'createdAt' in value)
  ) {
    const prior = (previous ?? {}) as Record<string, unknown>
    return Object.entries(value as Record<string, unknown>).every(
      ([key, inner]) => canonicalJson(comparable(inner)) === canonicalJson(comparable(prior[key])),
    )
  }
  return canonicalJson(comparable(value)) === canonicalJson(comparable(previous))
}

/**
 * Fields only the system writes (LARS id, workflow state, standard version...). A direct write
 * through any API with access control gets a clear error instead of being silently dropped;
 * the workflow service and importers write them through the Local API, which overrides access.
 * With `onceSet`, a first value may be given (the organisation of a new algorithm).
 */
export function refuseDirectWrite(field: string, options: { onceSet?: boolean } = {}): FieldHook {
  return ({ value, previousValue, operation, overrideAccess, req }) => {
    if (overrideAccess || value === undefined) return value
    if (operation === 'create') {
      if (options.onceSet) return value
      if (comparable(value) === null || (field === 'standard_version' && value === '1.0'))
        return value
      if (
        typeof value === 'object' &&
        value !== null &&
        Object.values(value).every(
          (v) => comparable(v) === null || v === 0 || v === false || v === 'concept',
        )
      ) {
        return value
      }
    } else if (unchanged(value, previousValue)) {
      return previousValue === undefined ? value : previousValue
    }
    throwFieldErrors(req, 'algorithms', [
      { path: field, message: MESSAGES[field] ?? MESSAGES.workflow },
    ])
  }
}
