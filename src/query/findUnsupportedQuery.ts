import type { FlattenedField } from 'payload'

import type { Bilingual } from '../i18n/localise'

/** How deeply `and`/`or` may be nested in a `where`. */
export const MAX_WHERE_DEPTH = 10

/** What is wrong with a query, in both languages, and the field (path) it is about. */
export interface QueryProblem {
  path: string
  message: Bilingual
}

/** Looks up the fields of another collection (for paths through a relationship). */
export type FieldsOf = (collection: string) => readonly FlattenedField[] | undefined

const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code'])

/** What a path leads to: a field, the id, or something Payload itself answers for. */
type Target =
  | { kind: 'field'; field: FlattenedField }
  | { kind: 'id' }
  | { kind: 'opaque'; field: FlattenedField }
  | { kind: 'unknown' }

const hasFlattenedFields = (
  field: FlattenedField,
): field is FlattenedField & {
  flattenedFields: FlattenedField[]
} => 'flattenedFields' in field && Array.isArray(field.flattenedFields)

function resolve(fields: readonly FlattenedField[], path: string, fieldsOf: FieldsOf): Target {
  let current = fields
  const segments = path.split('.')
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]
    const last = index === segments.length - 1
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) {
      if (segment === 'id' && last) return { kind: 'id' }
      return { kind: 'unknown' }
    }
    // A JSON or rich-text column, or any path into one.
    if (field.type === 'json' || field.type === 'richText') return { kind: 'opaque', field }
    if (last) return { kind: 'field', field }
    if (hasFlattenedFields(field) && field.type !== 'blocks') {
      current = field.flattenedFields
    } else if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      const related = fieldsOf(field.relationTo)
      if (!related) return { kind: 'unknown' }
      current = related
    } else {
      return { kind: 'unknown' }
    }
  }
  return { kind: 'unknown' }
}

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && /^-?\d{1,15}(\.\d+)?$/.test(value.trim()))

const isBoolean = (value: unknown): boolean =>
  typeof value === 'boolean' || value === 'true' || value === 'false'

const isDate = (value: unknown): boolean =>
  value instanceof Date ||
  ((typeof value === 'string' || typeof value === 'number') &&
    !Number.isNaN(new Date(value).getTime()))

function optionValues(field: FlattenedField): string[] | null {
  if (field.type !== 'select' && field.type !== 'radio') return null
  return field.options.map((option) => (typeof option === 'string' ? option : option.value))
}

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** The kind of value a field's comparisons need, or null when any text will do. */
function expectation(target: Target): {
  check: (value: unknown) => boolean
  nl: string
  en: string
} | null {
  if (target.kind === 'id') return { check: isNumeric, nl: 'een getal', en: 'a number' }
  if (target.kind !== 'field') return null
  const { field } = target
  switch (field.type) {
    case 'number':
      return { check: isNumeric, nl: 'een getal', en: 'a number' }
    case 'relationship':
    case 'upload':
      // Postgres ids are numbers; polymorphic relations are compared as { relationTo, value }.
      return typeof field.relationTo === 'string'
        ? { check: isNumeric, nl: 'een id (een getal)', en: 'an id (a number)' }
        : null
    case 'date':
      return {
        check: isDate,
        nl: 'een datum, zoals 2026-12-03',
        en: 'a date, such as 2026-12-03',
      }
    case 'checkbox':
      return { check: isBoolean, nl: 'true of false', en: 'true or false' }
    case 'select':
    case 'radio': {
      const values = optionValues(field) ?? []
      return {
        check: (value) => typeof value === 'string' && values.includes(value),
        nl: `een van: ${values.join(', ')}`,
        en: `one of: ${values.join(', ')}`,
      }
    }
    default:
      return null
  }
}

function checkCondition(
  path: string,
  operator: string,
  value: unknown,
  target: Target,
): QueryProblem | null {
  if (!OPERATORS.has(operator)) {
    return {
      path,
      message: {
        nl: `Het veld '${path}' kent geen vergelijking '${operator}'. Gebruik bijvoorbeeld equals, in, like of exists.`,
        en: `The field '${path}' has no comparison '${operator}'. Use for example equals, in, like or exists.`,
      },
    }
  }
  const nul = (Array.isArray(value) ? value : [value]).some(
    (item) => typeof item === 'string' && item.includes('\u0000'),
  )
  if (nul) {
    // PostgreSQL cannot hold a NUL character in text and would answer with an error.
    return {
      path,
      message: {
        nl: `De waarde voor het veld '${path}' bevat een NUL-teken. Dat kan niet in tekst.`,
        en: `The value for the field '${path}' contains a NUL character, which text cannot hold.`,
      },
    }
  }
  if (target.kind === 'unknown') return null
  const type = target.kind === 'id' ? 'number' : target.field.type
  if (GEO_OPERATORS.has(operator) && type !== 'point') {
    return {
      path,
      message: {
        nl: `De vergelijking '${operator}' kan alleen bij een locatie, niet bij het veld '${path}'.`,
        en: `The comparison '${operator}' only works on a location, not on the field '${path}'.`,
      },
    }
  }
  if (TEXT_OPERATORS.has(operator) && !TEXT_TYPES.has(type)) {
    return {
      path,
      message: {
        nl: `De vergelijking '${operator}' zoekt in tekst en kan niet bij het veld '${path}'. Gebruik equals of in.`,
        en: `The comparison '${operator}' searches text and cannot be used on the field '${path}'. Use equals or in.`,
      },
    }
  }
  if (operator === 'exists') {
    return isBoolean(value)
      ? null
      : {
          path,
          message: {
            nl: `'${shown(value)}' is geen geldige waarde voor exists bij het veld '${path}': gebruik true of false.`,
            en: `'${shown(value)}' is not a valid value for exists on the field '${path}': use true or false.`,
          },
        }
  }
  if (TEXT_OPERATORS.has(operator)) return null
  const expected = expectation(target)
  if (!expected) return null
  const values = LIST_OPERATORS.has(operator) ? listOf(value) : [value]
  for (const item of values) {
    // Comparing with null asks whether the field is empty.
    if (item === null && !LIST_OPERATORS.has(operator)) continue
    if (!expected.check(typeof item === 'string' ? item.trim() : item)) {
      return {
        path,
        message: {
          nl: `'${shown(item)}' is geen geldige waarde voor het veld '${path}': verwacht ${expected.nl}.`,
          en: `'${shown(item)}' is not a valid value for the field '${path}': expected ${expected.en}.`,
        },
      }
    }
  }
  return null
}

const opaqueProblem = (path: string, field: FlattenedField, sorting: boolean): QueryProblem => {
  const what =
    field.type === 'richText'
      ? { nl: 'een opgemaakte tekst', en: 'a formatted text' }
      : { nl: 'een JSON-veld', en: 'a JSON field' }
  return {
    path,
    message: sorting
      ? {
          nl: `Sorteren op het veld '${path}' kan niet: '${field.name}' is ${what.nl}. Sorteer op een ander veld.`,
          en: `Sorting on the field '${path}' is not possible: '${field.name}' is ${what.en}. Sort on another field.`,
        }
      : {
          nl: `Zoeken op het veld '${path}' kan niet: '${field.name}' is ${what.nl}. Zoek op een ander veld.`,
          en: `Filtering on the field '${path}' is not possible: '${field.name}' is ${what.en}. Filter on another field.`,
        },
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isExistsOnly = (condition: unknown): boolean =>
  isRecord(condition) &&
  Object.keys(condition).length === 1 &&
  ['true', 'false', true, false].includes(condition.exists as string | boolean)

// Version queries put the document's fields under `version.`.
const fieldPath = (fields: readonly FlattenedField[], path: string): string =>
  path.startsWith('version.') && !fields.some((field) => field.name === 'version')
    ? path.slice('version.'.length)
    : path

/**
 * The first problem with a `where` that Payload would otherwise answer with a 500 or silently
 * misread: a condition on a JSON or rich-text field (or a path into one), an operator that does
 * not exist or does not fit the field, a value of the wrong kind (a word for a number, id or
 * date, an option that does not exist), a `where` that is not an object, or `and`/`or` nested
 * deeper than {@link MAX_WHERE_DEPTH}. Paths Payload does not know are left to Payload (a 400).
 */
export function findUnsupportedWhere(
  fields: readonly FlattenedField[],
  where: unknown,
  fieldsOf: FieldsOf,
  depth = 1,
): QueryProblem | null {
  if (where === undefined || where === null) return null
  if (!isRecord(where)) {
    return {
      path: 'where',
      message: {
        nl: 'De zoekvraag (where) moet uit velden met een vergelijking bestaan, zoals where[name][equals]=…',
        en: 'The query (where) must consist of fields with a comparison, such as where[name][equals]=…',
      },
    }
  }
  if (depth > MAX_WHERE_DEPTH) {
    return {
      path: 'where',
      message: {
        nl: `De zoekvraag (where) is te diep genest: hoogstens ${MAX_WHERE_DEPTH} niveaus and/or.`,
        en: `The query (where) is nested too deeply: at most ${MAX_WHERE_DEPTH} levels of and/or.`,
      },
    }
  }
  for (const [key, condition] of Object.entries(where)) {
    if (['and', 'or'].includes(key.toLowerCase())) {
      const parts = Array.isArray(condition)
        ? condition
        : isRecord(condition)
          ? Object.values(condition)
          : null
      if (!parts) {
        return {
          path: key,
          message: {
            nl: `'${key}' in de zoekvraag (where) moet een lijst van voorwaarden zijn.`,
            en: `'${key}' in the query (where) must be a list of conditions.`,
          },
        }
      }
      for (const part of parts) {
        const problem = findUnsupportedWhere(fields, part, fieldsOf, depth + 1)
        if (problem) return problem
      }
      continue
    }
    const target = resolve(fields, fieldPath(fields, key), fieldsOf)
    if (target.kind === 'opaque') {
      // `exists` on the column itself is a plain IS [NOT] NULL, which PostgreSQL answers fine.
      if (
        isExistsOnly(condition) &&
        fieldPath(fields, key).split('.').pop() === target.field.name
      ) {
        continue
      }
      return opaqueProblem(key, target.field, false)
    }
    if (!isRecord(condition)) {
      return {
        path: key,
        message: {
          nl: `Geef bij het veld '${key}' een vergelijking, zoals where[${key}][equals]=…`,
          en: `Give the field '${key}' a comparison, such as where[${key}][equals]=…`,
        },
      }
    }
    for (const [operator, value] of Object.entries(condition)) {
      const problem = checkCondition(key, operator, value, target)
      if (problem) return problem
    }
  }
  return null
}

/** The first sort key that names a JSON or rich-text field (or a path into one). */
export function findUnsupportedSort(
  fields: readonly FlattenedField[],
  sort: unknown,
  fieldsOf: FieldsOf,
): QueryProblem | null {
  const keys = (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .filter((key): key is string => typeof key === 'string')
    .map((key) => key.trim().replace(/^-/, ''))
    .filter((key) => key !== '')
  for (const key of keys) {
    const target = resolve(fields, fieldPath(fields, key), fieldsOf)
    if (target.kind === 'opaque') return opaqueProblem(key, target.field, true)
  }
  return null
}

/** A problem with `page` or `limit` (Payload passes a negative page on to SQL). */
export function findUnsupportedPaging(page: unknown, limit: unknown): QueryProblem | null {
  if (page !== undefined && page !== null && !(Number.isInteger(page) && Number(page) >= 1)) {
    return {
      path: 'page',
      message: {
        nl: `'${shown(page)}' is geen geldige waarde voor 'page': gebruik een geheel getal van 1 of meer.`,
        en: `'${shown(page)}' is not a valid value for 'page': use a whole number of 1 or more.`,
      },
    }
  }
  if (limit !== undefined && limit !== null && !(Number.isInteger(limit) && Number(limit) >= 0)) {
    return {
      path: 'limit',
      message: {
        nl: `'${shown(limit)}' is geen geldige waarde voor 'limit': gebruik een geheel getal van 0 of meer.`,
        en: `'${shown(limit)}' is not a valid value for 'limit': use a whole number of 0 or more.`,
      },
    }
  }
  return null
}
