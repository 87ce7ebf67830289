import { ORGANISATION_TYPES } from '../organisations/organisationTypes'
import {
  CATEGORY_VALUES,
  PUBLICATION_CATEGORY_VALUES,
  STATUS_VALUES,
} from '../standard/publicationStandard'
import { invalidParameter, type ProblemText } from './problem'

/** Largest page the list answers; a bigger `pageSize` is a 400. */
export const MAX_PAGE_SIZE = 100
/** Page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 20
/** Longest accepted search text. */
export const MAX_QUERY_LENGTH = 200
/** Highest page number (keeps OFFSET cheap and crawlers honest). */
export const MAX_PAGE = 10000

/** Sort orders of the algorithm list. */
export const SORT_VALUES = [
  'relevance',
  'name',
  '-name',
  'updatedAt',
  '-updatedAt',
  'firstPublishedAt',
  '-firstPublishedAt',
] as const
/** A sort order of the algorithm list. */
export type SortValue = (typeof SORT_VALUES)[number]

/** Values of an organisation code: a TOOI code such as gm0363, or org-12 without one. */
export const ORGANISATION_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/

/** The filters of the algorithm list; an empty array means "no filter". */
export interface AlgorithmFilters {
  organisation: string[]
  organisationType: string[]
  publicationCategory: string[]
  status: string[]
  theme: string[]
  hasImpactAssessment: boolean | null
  q: string | null
}

/** A validated list request. */
export interface AlgorithmListQuery extends AlgorithmFilters {
  sort: SortValue
  page: number
  pageSize: number
}

/** Query keys of the algorithm list, in the order the documentation lists them. */
export const LIST_QUERY_KEYS = [
  'organisation',
  'organisationType',
  'publicationCategory',
  'status',
  'theme',
  'hasImpactAssessment',
  'q',
  'sort',
  'page',
  'pageSize',
] as const

/** Filters that may be given more than once (values are combined with OR). */
const REPEATABLE = new Set([
  'organisation',
  'organisationType',
  'publicationCategory',
  'status',
  'theme',
])

const ORGANISATION_TYPE_VALUES = ORGANISATION_TYPES.map((option) => option.value as string)

function oneOf(name: string, values: string[], permitted: readonly string[]): string[] {
  for (const value of values) {
    if (!permitted.includes(value)) {
      throw invalidParameter(name, {
        nl: `'${value}' is geen toegestane waarde. Kies uit: ${permitted.join(', ')}.`,
        en: `'${value}' is not a permitted value. Choose from: ${permitted.join(', ')}.`,
      })
    }
  }
  return [...new Set(values)]
}

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw invalidParameter(name, {
      nl: `gebruik een geheel getal van ${min} tot en met ${max}, niet '${value}'.`,
      en: `use a whole number from ${min} to ${max}, not '${value}'.`,
    })
  }
  return Number(value)
}

/**
 * Checks that only `allowed` keys are used, each at most once unless repeatable; an unknown key
 * is a 400 that names it, so a typo such as `pagesize` is not silently ignored.
 */
export function checkQueryKeys(
  params: URLSearchParams,
  allowed: readonly string[],
  repeatable: ReadonlySet<string> = new Set(),
): void {
  const seen = new Set<string>()
  for (const key of params.keys()) {
    if (!allowed.includes(key)) {
      const hint: ProblemText =
        allowed.length > 0
          ? {
              nl: `deze API kent deze parameter hier niet. Wel bekend: ${allowed.join(', ')}.`,
              en: `this API does not know this parameter here. Known: ${allowed.join(', ')}.`,
            }
          : {
              nl: 'hier horen geen parameters bij.',
              en: 'this resource takes no parameters.',
            }
      throw invalidParameter(key, hint)
    }
    if (seen.has(key) && !repeatable.has(key)) {
      throw invalidParameter(key, {
        nl: 'geef deze parameter maar één keer.',
        en: 'give this parameter only once.',
      })
    }
    seen.add(key)
  }
}

/** Validates an organisation code parameter value. */
export function organisationCode(name: string, value: string): string {
  if (!ORGANISATION_CODE.test(value)) {
    throw invalidParameter(name, {
      nl: `'${value}' is geen organisatiecode. Gebruik de TOOI-code in kleine letters, zoals gm0363.`,
      en: `'${value}' is not an organisation code. Use the lower-case TOOI code, such as gm0363.`,
    })
  }
  return value
}

/** Parses and validates the query of GET /algorithms; throws a 400 problem naming the parameter. */
export function parseListQuery(params: URLSearchParams): AlgorithmListQuery {
  checkQueryKeys(params, LIST_QUERY_KEYS, REPEATABLE)
  const all = (name: string) =>
    params
      .getAll(name)
      .map((value) => value.trim())
      .filter((value) => value !== '')
  const organisation = [
    ...new Set(all('organisation').map((v) => organisationCode('organisation', v))),
  ]
  const organisationType = oneOf(
    'organisationType',
    all('organisationType'),
    ORGANISATION_TYPE_VALUES,
  )
  const publicationCategory = oneOf(
    'publicationCategory',
    all('publicationCategory'),
    PUBLICATION_CATEGORY_VALUES,
  )
  const status = oneOf('status', all('status'), STATUS_VALUES)
  const theme = oneOf('theme', all('theme'), CATEGORY_VALUES)

  let hasImpactAssessment: boolean | null = null
  const impact = params.get('hasImpactAssessment')
  if (impact !== null) {
    if (impact !== 'true' && impact !== 'false') {
      throw invalidParameter('hasImpactAssessment', {
        nl: `gebruik true of false, niet '${impact}'.`,
        en: `use true or false, not '${impact}'.`,
      })
    }
    hasImpactAssessment = impact === 'true'
  }

  const rawQuery = params.get('q')
  const q = rawQuery === null || rawQuery.trim() === '' ? null : rawQuery.trim()
  if (q !== null && q.length > MAX_QUERY_LENGTH) {
    throw invalidParameter('q', {
      nl: `de zoektekst mag hoogstens ${MAX_QUERY_LENGTH} tekens lang zijn.`,
      en: `the search text may be at most ${MAX_QUERY_LENGTH} characters long.`,
    })
  }

  const rawSort = params.get('sort')
  let sort: SortValue = q ? 'relevance' : 'name'
  if (rawSort !== null) {
    if (!(SORT_VALUES as readonly string[]).includes(rawSort)) {
      throw invalidParameter('sort', {
        nl: `'${rawSort}' is geen sortering. Kies uit: ${SORT_VALUES.join(', ')}.`,
        en: `'${rawSort}' is not a sort order. Choose from: ${SORT_VALUES.join(', ')}.`,
      })
    }
    sort = rawSort as SortValue
  }
  if (sort === 'relevance' && !q) {
    throw invalidParameter('sort', {
      nl: 'sorteren op relevantie kan alleen samen met een zoektekst (q).',
      en: 'sorting by relevance needs a search text (q).',
    })
  }

  const page = params.has('page') ? integer('page', params.get('page') ?? '', 1, MAX_PAGE) : 1
  const pageSize = params.has('pageSize')
    ? integer('pageSize', params.get('pageSize') ?? '', 1, MAX_PAGE_SIZE)
    : DEFAULT_PAGE_SIZE

  return {
    organisation,
    organisationType,
    publicationCategory,
    status,
    theme,
    hasImpactAssessment,
    q,
    sort,
    page,
    pageSize,
  }
}
