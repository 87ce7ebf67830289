/**
 * JSON with object keys sorted at every level, so that the same content always gives the same
 * text. PostgreSQL's jsonb reorders keys, so hashing plain JSON.stringify output would break on
 * the round trip through the database.
 *
 * Everything else follows JSON.stringify, because that is also how the value reaches the
 * database: dates become ISO strings, `undefined` object members are left out, `undefined` in an
 * array and non-finite numbers become null. A value that has no JSON form at all (undefined, a
 * function) is written as `null` instead of making the result `undefined`.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    // Dates and other objects with their own JSON form keep it (toJSON runs first in stringify).
    const withJson = value as { toJSON?: unknown }
    if (typeof withJson.toJSON === 'function') {
      return sortKeys((withJson.toJSON as (this: unknown) => unknown).call(value))
    }
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key]
      if (inner !== undefined && typeof inner !== 'function') sorted[key] = sortKeys(inner)
    }
    return sorted
  }
  return value
}

const UNSTORABLE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/g

/**
 * A copy in which every string can be stored and read back unchanged. PostgreSQL refuses NUL
 * characters and unpaired UTF-16 surrogates in jsonb, and turns them into U+FFFD in text
 * columns; an event written with them would either fail or no longer match its own hash. Both
 * become U+FFFD before the event is hashed and written.
 */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\ufffd') as T
  if (Array.isArray(value)) return value.map(wellFormed) as T
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [wellFormed(key), wellFormed(inner)]),
    ) as T
  }
  return value
}
