/**
 * JSON with object keys sorted at every level, so that the same content always gives the same
 * text. PostgreSQL's jsonb reorders keys, so hashing plain JSON.stringify output would break on
 * the round trip through the database.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key]
      if (inner !== undefined) sorted[key] = sortKeys(inner)
    }
    return sorted
  }
  return value
}
