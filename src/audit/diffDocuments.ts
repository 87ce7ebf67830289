import { canonicalJson } from './canonicalJson'

/** One changed field, as written into an audit event. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface DiffOptions {
  /** Top-level or dotted paths never compared (timestamps, password hashes, sessions). */
  ignore?: readonly string[]
  /** Turns a stored value into what a reader should see (e.g. rich text into HTML). */
  present?: (path: string, value: unknown) => unknown
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    Boolean(value) && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
  )
}

/** A populated relationship compares and reads as its id. */
function reduceRelation(value: unknown): unknown {
  if (isPlainObject(value) && 'id' in value && ('createdAt' in value || 'updatedAt' in value)) {
    return value.id
  }
  if (Array.isArray(value)) return value.map(reduceRelation)
  return value
}

function isRichText(value: unknown): boolean {
  return isPlainObject(value) && isPlainObject(value.root)
}

function empty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

/**
 * Field-level differences between two versions of a document. Groups are compared per
 * sub-field (`settings.fourEyes`); arrays, rich text and JSON as a whole; "empty" values
 * (undefined, null, '', []) count as equal so that a save without edits records nothing.
 */
export function diffDocuments(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  options: DiffOptions = {},
  prefix = '',
): FieldChange[] {
  const ignore = options.ignore ?? []
  const present = options.present ?? ((_path: string, value: unknown) => value)
  const changes: FieldChange[] = []
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of [...keys].sort()) {
    const path = prefix ? `${prefix}.${key}` : key
    if (ignore.includes(path) || ignore.includes(key)) continue
    const oldValue = reduceRelation(before?.[key])
    const newValue = reduceRelation(after?.[key])
    if (
      (isPlainObject(oldValue) || isPlainObject(newValue)) &&
      !isRichText(oldValue) &&
      !isRichText(newValue) &&
      key !== 'changes'
    ) {
      const nestedOld = isPlainObject(oldValue) ? oldValue : {}
      const nestedNew = isPlainObject(newValue) ? newValue : {}
      const nestedIsJson = Object.keys(nestedOld).length + Object.keys(nestedNew).length === 0
      if (!nestedIsJson) {
        changes.push(...diffDocuments(nestedOld, nestedNew, options, path))
        continue
      }
    }
    const shownOld = present(path, oldValue)
    const shownNew = present(path, newValue)
    if (empty(shownOld) && empty(shownNew)) continue
    if (canonicalJson(stripRowIds(shownOld)) === canonicalJson(stripRowIds(shownNew))) continue
    changes.push({ field: path, before: shownOld ?? null, after: shownNew ?? null })
  }
  return changes
}

/** Array rows carry generated ids that change on every save; they are not content. */
function stripRowIds(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((row) => {
      if (!isPlainObject(row)) return row
      const { id: _id, ...rest } = row
      return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, reduceRelation(v)]))
    })
  }
  return value
}
