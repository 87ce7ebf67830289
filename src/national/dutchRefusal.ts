import { publicationStandard, type StandardKey } from '../standard/publicationStandard'

const TYPE_TEXT: Record<string, string> = {
  missing: 'is verplicht en ontbreekt',
  string_too_long: 'is te lang',
  string_too_short: 'is te kort',
  enum: 'heeft een waarde die niet is toegestaan',
  literal_error: 'heeft een waarde die niet is toegestaan',
  string_type: 'moet tekst zijn',
  list_type: 'moet een lijst zijn',
  url_parsing: 'is geen geldige link',
}

function fieldTitle(loc: unknown[]): string {
  const parts = loc.filter((part) => part !== 'body')
  const key = parts[0]
  const title =
    typeof key === 'string'
      ? (publicationStandard as Record<string, { title: { nl: string } } | undefined>)[
          key as StandardKey
        ]?.title.nl
      : undefined
  const rest = parts.slice(1).map((part) => (typeof part === 'number' ? `regel ${part + 1}` : part))
  const name = title ?? (typeof key === 'string' ? key : 'de beschrijving')
  return rest.length > 0 ? `${name} (${rest.join(', ')})` : name
}

/**
 * The national register's refusal (422, FastAPI's `HTTPValidationError`) as sentences for the
 * editor in Dutch: the field named by the standard's Dutch title and what is wrong with it.
 * The register's own message is kept in brackets where no Dutch wording is known.
 */
export function dutchRefusal(body: unknown): string[] {
  const detail =
    body && typeof body === 'object' ? (body as { detail?: unknown }).detail : undefined
  if (typeof detail === 'string')
    return [`Het landelijke register weigert de beschrijving: ${detail}`]
  if (!Array.isArray(detail) || detail.length === 0) {
    return ['Het landelijke register weigert de beschrijving zonder uitleg (422).']
  }
  return detail.map((item: unknown) => {
    const entry = (item && typeof item === 'object' ? item : {}) as {
      loc?: unknown
      msg?: unknown
      type?: unknown
    }
    const loc = Array.isArray(entry.loc) ? entry.loc : []
    const type = typeof entry.type === 'string' ? entry.type : ''
    const message = typeof entry.msg === 'string' ? entry.msg : ''
    const known = TYPE_TEXT[type]
    return known
      ? `${fieldTitle(loc)} ${known}.`
      : `${fieldTitle(loc)} wordt geweigerd (${message || type || 'onbekende reden'}).`
  })
}
