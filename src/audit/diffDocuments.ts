import { canonicalJson } from './canonicalJson'

/** One changed field, as written into an audit event. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

/** How {@link diffDocuments} compares and shows values. */
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

function isRichText(value: unknown): boolean {
  return isPlainObject(value) && isPlainObject(value.root)
}

function isPopulatedDocument(value: Record<string, unknown>): boolean {
  return 'id' in value && ('createdAt' in value || 'updatedAt' in value)
}

/**
 * What a value means, without what only the storage adds: a populated relationship becomes its
 * id (at any depth, so a membership row shows `organisation: 12`, not a copy of the whole
 * organisation), and array rows lose the generated row id that changes on every save. Rich
 * text is left alone: it is shown as HTML, not compared node by node.
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((row) => {
      if (!isPlainObject(row) || isPopulatedDocument(row) || isRichText(row)) return normalise(row)
      const { id: _rowId, ...rest } = row
      return normalise(rest)
    })
  }
  if (isPlainObject(value)) {
    if (isPopulatedDocument(value)) return value.id
    if (isRichText(value)) return value
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, normalise(inner)]))
  }
  return value
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
 * Values are written as a reader needs them: relationships as ids, rich text through
 * `options.present` (HTML), array rows without their generated ids.
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
    const oldValue = normalise(before?.[key])
    const newValue = normalise(after?.[key])
    if (
      (isPlainObject(oldValue) || isPlainObject(newValue)) &&
      !isRichText(oldValue) &&
      !isRichText(newValue)
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
    if (canonicalJson(shownOld) === canonicalJson(shownNew)) continue
    changes.push({
      field: path,
      before: empty(shownOld) ? null : shownOld,
      after: empty(shownNew) ? null : shownNew,
    })
  }
  return changes
}
