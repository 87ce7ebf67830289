/**
 * Checks for single values of the publication standard, and the messages editors see when a
 * check fails. Messages name the field by its title and say what to do, in Dutch and English.
 */
import {
  publicationStandard,
  type LinkPartDefinition,
  type LocalisedText,
  type StandardKey,
} from './publicationStandard'

/** Longest URL the standard accepts in its URL fields. */
export const MAX_URL_LENGTH = 500

/**
 * True for a month written as yyyy-mm with a month from 01 to 12 and a year from 1900 to 2199
 * (the form the standard uses for `begin_date` and `end_date`).
 */
export function isYearMonth(value: string): boolean {
  if (typeof value !== 'string') return false
  const match = /^([0-9]{4})-([0-9]{2})$/.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const month = Number(match[2])
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/
const IPV4 = /^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$/

/**
 * True for an absolute http or https URL of at most 500 characters without spaces, whose host
 * is `localhost`, an IPv4 address or a domain name with a dot and a real top-level domain.
 * URLs with a user name or password are refused: a public register has no use for them and they
 * are a known way to disguise where a link goes.
 */
export function isHttpUrl(value: string): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) {
    return false
  }
  if (/\s/.test(value) || !/^https?:\/\//i.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '') return false
  const host = url.hostname
  if (host === 'localhost' || IPV4.test(host)) return true
  const labels = host.split('.')
  if (labels.length < 2) return false
  return labels.every((label) => HOST_LABEL.test(label)) && TOP_LEVEL.test(labels.at(-1) ?? '')
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const EMAIL_DOMAIN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]+)$/

/**
 * True for a single plain email address (no display name, no `mailto:`), with an ASCII domain
 * that has a dot and a real top-level domain.
 */
export function isEmail(value: string): boolean {
  if (typeof value !== 'string' || value.length > 254) return false
  const at = value.lastIndexOf('@')
  if (at <= 0) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  return local.length <= 64 && EMAIL_LOCAL.test(local) && EMAIL_DOMAIN.test(domain)
}

/** True for what `contact_email` accepts: one email address or one http(s) URL. */
export function isEmailOrUrl(value: string): boolean {
  return isEmail(value) || isHttpUrl(value)
}

/** A reason a value is refused. */
export type FieldProblem =
  | 'tooLong'
  | 'required'
  | 'notPermitted'
  | 'badUrl'
  | 'badEmailOrUrl'
  | 'badYearMonth'
  | 'disallowedHtml'
  | 'markup'
  | 'endBeforeBegin'

/** Details that make a message specific. All are optional. */
export interface FieldErrorParams {
  /** tooLong: the length found. */
  actual?: number
  /** tooLong: the limit; defaults to the standard's limit for the field or item part. */
  max?: number
  /** notPermitted: the value that was refused. */
  value?: string
  /**
   * disallowedHtml: the problems from findDisallowedHtml or findDisallowedLexical; markup: the
   * start of the markup found (from findMarkup).
   */
  found?: readonly string[]
  /** endBeforeBegin: the two months. */
  begin?: string
  end?: string
  /** For an item of a `links` field: which part, and its 1-based row number. */
  part?: 'title' | 'link'
  item?: number
}

type Language = keyof LocalisedText

const formatNumber = (value: number, language: Language): string => {
  const [whole, fraction] = String(Math.abs(value)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'nl' ? '.' : ',')
  const sign = value < 0 ? '-' : ''
  return fraction ? `${sign}${grouped}${language === 'nl' ? ',' : '.'}${fraction}` : sign + grouped
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

const partOf = (key: StandardKey, part: 'title' | 'link' | undefined): LinkPartDefinition | null =>
  part ? (publicationStandard[key].items?.[part] ?? null) : null

const fieldName = (key: StandardKey, params: FieldErrorParams, language: Language): string => {
  const title = publicationStandard[key].title[language]
  const part = partOf(key, params.part)
  if (!part) return title
  const row =
    params.item !== undefined ? `, ${language === 'nl' ? 'regel' : 'row'} ${params.item}` : ''
  return `${part.title[language]} (${title}${row})`
}

// Editors do not know Lexical's node names; say what they see in the editor.
const NODE_LABELS: Readonly<Record<string, LocalisedText>> = {
  heading: { nl: 'kop', en: 'heading' },
  quote: { nl: 'citaat', en: 'quote' },
  link: { nl: 'link', en: 'link' },
  autolink: { nl: 'automatische link', en: 'automatic link' },
  upload: { nl: 'afbeelding of bestand', en: 'image or file' },
  relationship: { nl: 'verwijzing naar een document', en: 'reference to a document' },
  block: { nl: 'blok', en: 'block' },
  inlineBlock: { nl: 'blok in de tekst', en: 'inline block' },
  horizontalrule: { nl: 'horizontale lijn', en: 'horizontal line' },
  table: { nl: 'tabel', en: 'table' },
  code: { nl: 'codeblok', en: 'code block' },
  checklist: { nl: 'afvinklijst', en: 'checklist' },
  commentaar: { nl: 'commentaar', en: 'comment' },
}

const STRUCTURE_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^ongeldige structuur: /, 'invalid structure: '],
  [/geen root$/, 'no root'],
  [/node zonder type$/, 'node without a type'],
  [/text zonder tekst$/, 'text node without text'],
  [/ zonder children$/, ' without children'],
  [/root heeft type /, 'root has type '],
]

const describeProblem = (problem: string, language: Language): string => {
  const label = NODE_LABELS[problem]
  if (label) return label[language]
  if (language === 'nl') return problem
  if (problem.startsWith('attribuut ')) return `attribute ${problem.slice('attribuut '.length)}`
  return STRUCTURE_WORDS.reduce(
    (text, [pattern, english]) => text.replace(pattern, english),
    problem,
  )
}

const permittedList = (key: StandardKey, language: Language): string =>
  (publicationStandard[key].permittedValues ?? [])
    .map((option) => (language === 'nl' ? option.value : option.en))
    .join(', ')

const message = (
  key: StandardKey,
  problem: FieldProblem,
  params: FieldErrorParams,
  language: Language,
): string => {
  const nl = language === 'nl'
  const name = fieldName(key, params, language)
  const n = (value: number): string => formatNumber(value, language)
  switch (problem) {
    case 'tooLong': {
      const max =
        params.max ?? partOf(key, params.part)?.maxLength ?? publicationStandard[key].maxLength
      const formatting =
        publicationStandard[key].kind === 'richText' && !params.part
          ? nl
            ? ' (opmaak niet meegeteld)'
            : ' (formatting not counted)'
          : ''
      const limit = max === null ? '' : nl ? `maximaal ${n(max)}` : `at most ${n(max)}`
      if (params.actual === undefined) {
        return nl
          ? `${name} is te lang: ${limit} tekens${formatting}.`
          : `${name} is too long: ${limit} characters${formatting}.`
      }
      return nl
        ? `${name} is te lang: ${n(params.actual)} tekens, ${limit}${formatting}.`
        : `${name} is too long: ${n(params.actual)} characters, ${limit}${formatting}.`
    }
    case 'required':
      return nl
        ? `${name} is verplicht. Vul dit veld in.`
        : `${name} is required. Please fill it in.`
    case 'notPermitted': {
      const choices = permittedList(key, language)
      const refused = params.value !== undefined ? ` ‘${params.value}’` : ''
      if (nl) {
        const intro = refused
          ? `${name}:${refused} is geen toegestane waarde.`
          : `${name} heeft een waarde die niet is toegestaan.`
        return choices ? `${intro} Kies uit: ${choices}.` : intro
      }
      const intro = refused
        ? `${name}:${refused} is not a permitted value.`
        : `${name} has a value that is not permitted.`
      return choices ? `${intro} Choose from: ${choices}.` : intro
    }
    case 'badUrl':
      return nl
        ? `${name} is geen geldige link. Vul een volledig webadres in dat begint met https://, zoals https://www.noorderhaaks.nl/algoritmes.`
        : `${name} is not a valid link. Enter a full web address that starts with https://, such as https://www.noorderhaaks.nl/algoritmes.`
    case 'badEmailOrUrl':
      return nl
        ? `${name} is geen geldig e-mailadres en geen geldige link. Vul één e-mailadres in, zoals algoritmes@noorderhaaks.nl, of één webadres dat begint met https://.`
        : `${name} is not a valid email address or link. Enter one email address, such as algoritmes@noorderhaaks.nl, or one web address that starts with https://.`
    case 'badYearMonth':
      return nl
        ? `${name} is geen geldige maand. Schrijf eerst het jaar en dan de maand, zoals 2023-01.`
        : `${name} is not a valid month. Write the year first and then the month, such as 2023-01.`
    case 'disallowedHtml': {
      const found = (params.found ?? []).map((item) => describeProblem(item, language)).join(', ')
      if (nl) {
        return `${name} bevat opmaak die niet is toegestaan${found ? `: ${found}` : ''}. Gebruik alleen alinea’s, regeleinden en opsommingen.`
      }
      return `${name} contains formatting that is not allowed${found ? `: ${found}` : ''}. Use only paragraphs, line breaks and lists.`
    }
    case 'markup': {
      const found = params.found?.[0] ? ` (${params.found[0]})` : ''
      return nl
        ? `${name} bevat opmaak${found}. Dit veld is platte tekst: zet geen < direct voor een letter, /, ! of ?.`
        : `${name} contains markup${found}. This field is plain text: do not put < directly before a letter, /, ! or ?.`
    }
    case 'endBeforeBegin': {
      const begin = lowerFirst(publicationStandard.begin_date.title[language])
      const endText = params.end ? ` (${params.end})` : ''
      const beginText = params.begin ? ` (${params.begin})` : ''
      return nl
        ? `${name}${endText} ligt vóór de ${begin}${beginText}. Pas een van beide aan.`
        : `${name}${endText} is before the ${begin}${beginText}. Please change one of them.`
    }
  }
}

/**
 * The message for a refused value, in Dutch and English, naming the field by its title (and
 * for an item of a `links` field, the part and row). Numbers are written the Dutch or English
 * way, e.g. "Doel en impact is te lang: 2.612 tekens, maximaal 2.500 (opmaak niet meegeteld)."
 */
export function fieldError(
  key: StandardKey,
  problem: FieldProblem,
  params: FieldErrorParams = {},
): LocalisedText {
  return { nl: message(key, problem, params, 'nl'), en: message(key, problem, params, 'en') }
}
