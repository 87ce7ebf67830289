import type { FieldHook } from 'payload'

/** "1234ab" and "1234 ab" are the same Dutch postal code: stored as "1234 AB". */
export const normalisePostalCode: FieldHook = ({ value }) => {
  if (typeof value !== 'string') return value
  const compact = value.trim().toUpperCase().replace(/\s+/g, '')
  return /^[1-9]\d{3}[A-Z]{2}$/.test(compact)
    ? `${compact.slice(0, 4)} ${compact.slice(4)}`
    : value.trim()
}
