/** A published description as the template search shows it. */
export interface PublishedDescription {
  lars: string
  name: string
  organisation: string | null
  /** The organisation's TOOI code, to leave out the person's own organisations. */
  organisationCode: string | null
  summary: string | null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

function organisationName(value: unknown): string | null {
  if (typeof value === 'string') return text(value)
  if (value && typeof value === 'object') return text((value as { name?: unknown }).name)
  return null
}

/**
 * Reads the list of published descriptions out of a public API answer. Accepts a bare array or
 * the list under `data`, `results`, `items` or `algorithms`, and skips entries without an
 * Algoritme-ID or name.
 */
export function publishedDescriptionsOf(body: unknown): PublishedDescription[] {
  const container = body as Record<string, unknown> | null
  const list = Array.isArray(body)
    ? body
    : (['data', 'results', 'items', 'algorithms', 'docs']
        .map((key) => container?.[key])
        .find(Array.isArray) ?? [])
  return (list as unknown[]).flatMap((entry) => {
    if (!entry || typeof entry !== 'object') return []
    const item = entry as Record<string, unknown>
    const lars = text(item.lars) ?? (typeof item.lars === 'number' ? String(item.lars) : null)
    const name = text(item.name)
    if (!lars || !name) return []
    return [
      {
        lars,
        name,
        organisation: organisationName(item.organization ?? item.organisation),
        organisationCode: text(item.organisationCode),
        summary: text(item.description_short),
      },
    ]
  })
}

/**
 * Leaves out the descriptions of the person's own organisations: a template is for learning from
 * others (the register refuses a copy of one's own description anyway).
 */
export function othersOnly(
  descriptions: readonly PublishedDescription[],
  ownCodes: readonly string[],
  limit: number,
): PublishedDescription[] {
  const own = new Set(ownCodes)
  return descriptions
    .filter(
      (description) => !description.organisationCode || !own.has(description.organisationCode),
    )
    .slice(0, limit)
}
