import { STANDARD_KEYS, type StandardKey } from '../standard/publicationStandard'

/** A submission body in the standard's keys (`AlgorithmIn` of the submission API). */
export type AlgorithmIn = Partial<Record<StandardKey, unknown>>

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/**
 * Builds the national register's submission from a published revision's snapshot: the same
 * public record the public API serves, with only the standard's keys (the register's own
 * extras, such as the EU AI Act fields, are not part of AlgorithmIn). Empty optional values are
 * left out rather than sent as empty text.
 *
 * `source_id` identifies the description in this register: the editor's own source ID when
 * filled in, otherwise this register's LARS. The connector looks a description up by it before
 * creating one, so a retried create never makes a second description.
 */
export function buildSubmission(
  snapshot: Record<string, unknown>,
  options: { localLars: string; nationalLars?: string | null },
): AlgorithmIn {
  const body: AlgorithmIn = {}
  for (const key of STANDARD_KEYS) {
    const value = snapshot[key]
    if (key === 'lars' || isEmpty(value)) continue
    if (Array.isArray(value) && value.length === 0) continue
    body[key] = value
  }
  body.source_id = sourceIdOf(snapshot, options.localLars)
  body.standard_version = '1.0'
  body.lang = typeof snapshot.lang === 'string' && snapshot.lang ? snapshot.lang : 'nld'
  if (options.nationalLars) body.lars = options.nationalLars
  return body
}

/** The `source_id` the connector sends and looks descriptions up by. */
export function sourceIdOf(snapshot: Record<string, unknown>, localLars: string): string {
  const given = snapshot.source_id
  return typeof given === 'string' && given.trim() !== '' ? given.trim() : localLars
}
