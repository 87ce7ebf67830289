import type pg from 'pg'

import { ORGANISATION_TYPES } from '../organisations/organisationTypes'
import {
  CATEGORY_VALUES,
  PUBLICATION_CATEGORY_VALUES,
  STANDARD_KEYS,
  STATUS_VALUES,
} from '../standard/publicationStandard'
import type { AlgorithmFilters, AlgorithmListQuery, SortValue } from './listQuery'
import { PROBLEM_TITLES, PublicProblem } from './problem'
import { sanitisePublicRecord, sanitisePublicValue } from './publicRecord'
import { toPlainText } from '../standard/safeText'

/** Runs one parameterised statement and returns its rows. */
export type RunQuery = <Row extends Record<string, unknown>>(
  text: string,
  values?: unknown[],
) => Promise<Row[]>

/** A {@link RunQuery} on a pg pool (the public API reads outside Payload's transactions). */
export function queryRunner(pool: Pick<pg.Pool, 'query'>): RunQuery {
  return async <Row extends Record<string, unknown>>(text: string, values: unknown[] = []) => {
    const result = await pool.query(text, values)
    return result.rows as Row[]
  }
}

/** One algorithm in a list: enough for a result card, with the standard's keys. */
export interface AlgorithmSummary {
  lars: string
  name: string
  organization: string
  organisationCode: string
  organisationType: string
  description_short: string
  category: string[]
  status: string
  publication_category: string
  begin_date: string
  end_date: string
  publication_dt: string
  hasImpactAssessment: boolean
  revisionNumber: number
  updatedAt: string
}

/** One value of a facet with the number of algorithms that have it. */
export interface FacetValue {
  value: string
  label: string
  count: number
}

/** Facet counts per filter. */
export interface Facets {
  organisation: FacetValue[]
  organisationType: FacetValue[]
  publicationCategory: FacetValue[]
  status: FacetValue[]
  theme: FacetValue[]
  hasImpactAssessment: FacetValue[]
}

type FilterName = Exclude<keyof AlgorithmFilters, 'q'>

const FILTER_NAMES: readonly FilterName[] = [
  'organisation',
  'organisationType',
  'publicationCategory',
  'status',
  'theme',
  'hasImpactAssessment',
]

const ORDER_BY: Record<SortValue, string> = {
  relevance: 'ts_rank_cd(search, websearch_to_tsquery($QUERY)) DESC, lars',
  // name_sort is the Dutch sort key (see dutchSortKey); its index serves both directions.
  name: 'name_sort, lars',
  '-name': 'name_sort DESC, lars DESC',
  updatedAt: 'updated_at, lars',
  '-updatedAt': 'updated_at DESC, lars',
  firstPublishedAt: 'first_published_at, lars',
  '-firstPublishedAt': 'first_published_at DESC, lars',
}

/** SQL conditions per filter (true when the filter is not used) and the shared WHERE. */
function conditions(filters: AlgorithmFilters, values: unknown[]) {
  const param = (value: unknown) => {
    values.push(value)
    return `$${values.length}`
  }
  const byFilter: Record<FilterName, string> = {
    organisation: filters.organisation.length
      ? `organisation_code = ANY(${param(filters.organisation)}::text[])`
      : 'true',
    organisationType: filters.organisationType.length
      ? `organisation_type = ANY(${param(filters.organisationType)}::text[])`
      : 'true',
    publicationCategory: filters.publicationCategory.length
      ? `publication_category = ANY(${param(filters.publicationCategory)}::text[])`
      : 'true',
    status: filters.status.length ? `status = ANY(${param(filters.status)}::text[])` : 'true',
    theme: filters.theme.length ? `categories && ${param(filters.theme)}::text[]` : 'true',
    hasImpactAssessment:
      filters.hasImpactAssessment === null
        ? 'true'
        : `has_impact_assessment = ${param(filters.hasImpactAssessment)}::boolean`,
  }
  const query = filters.q ? param(filters.q) : null
  const base = ['withdrawn_at IS NULL']
  if (query) base.push(`search @@ websearch_to_tsquery('dutch', ${query})`)
  return { byFilter, base: base.join(' AND '), query }
}

function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  return value === null || value === undefined ? '' : new Date(String(value)).toISOString()
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function facetValues(
  rows: Array<{ facet: string; value: string; label: string | null; count: number }>,
  facet: string,
  permitted: ReadonlyArray<{ value: string; label: string }> | null,
): FacetValue[] {
  const counted = rows.filter((row) => row.facet === facet)
  if (!permitted) {
    return counted
      .map((row) => ({
        value: toPlainText(row.value),
        label: toPlainText(row.label ?? row.value),
        count: row.count,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nl') || a.value.localeCompare(b.value))
  }
  const counts = new Map(counted.map((row) => [row.value, row.count]))
  return permitted.map((option) => ({
    value: option.value,
    label: option.label,
    count: counts.get(option.value) ?? 0,
  }))
}

const asOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }))

/** Total and facet counts of a filtered set. */
export interface FacetCounts {
  totalCount: number
  facets: Facets
}

/** One page of published algorithms (summaries), filtered and sorted. */
export async function listPage(
  run: RunQuery,
  query: AlgorithmListQuery,
): Promise<AlgorithmSummary[]> {
  const values: unknown[] = []
  const page = conditions(query, values)
  const where = [page.base, ...FILTER_NAMES.map((name) => page.byFilter[name])]
    .filter((condition) => condition !== 'true')
    .join(' AND ')
  const orderBy = ORDER_BY[query.sort].replace(
    '$QUERY',
    page.query ? `'dutch', ${page.query}` : "'dutch', ''",
  )
  values.push(query.pageSize, (query.page - 1) * query.pageSize)
  const rows = await run<Record<string, unknown>>(
    `SELECT lars, record->>'name' AS name, organisation_name, organisation_code, organisation_type,
      record->>'description_short' AS description_short, categories, status, publication_category,
      record->>'begin_date' AS begin_date, record->>'end_date' AS end_date,
      record->>'publication_dt' AS publication_dt, has_impact_assessment, revision_number, updated_at
    FROM public_algorithms
    -- The page is chosen on narrow columns first: the record's fields are read (and detoasted)
    -- for the rows shown only, not for every match the sort or an OFFSET passes over.
    JOIN (
      SELECT lars FROM public_algorithms WHERE ${where}
      ORDER BY ${orderBy}
      LIMIT $${values.length - 1} OFFSET $${values.length}
    ) AS page USING (lars)
    ORDER BY ${orderBy}`,
    values,
  )
  // Read from the projection's columns, not through publicFields: made safe here.
  const safe = (key: string, value: unknown) => String(sanitisePublicValue(key, text(value)))
  return rows.map((row) => ({
    lars: safe('lars', row.lars),
    name: safe('name', row.name),
    organization: safe('organization', row.organisation_name),
    organisationCode: safe('organisationCode', row.organisation_code),
    organisationType: safe('organisationType', row.organisation_type),
    description_short: safe('description_short', row.description_short),
    category: Array.isArray(row.categories)
      ? (row.categories as unknown[]).map((value) => safe('category', value))
      : [],
    status: safe('status', row.status),
    publication_category: safe('publication_category', row.publication_category),
    begin_date: safe('begin_date', row.begin_date),
    end_date: safe('end_date', row.end_date),
    publication_dt: safe('publication_dt', row.publication_dt),
    hasImpactAssessment: row.has_impact_assessment === true,
    revisionNumber: Number(row.revision_number),
    updatedAt: iso(row.updated_at),
  }))
}

/** A key for the facets of a filter set: the same filters in any order give the same key. */
export function facetKey(filters: AlgorithmFilters): string {
  return JSON.stringify([
    ...FILTER_NAMES.map((name) => {
      const value = filters[name]
      return Array.isArray(value) ? [...value].sort() : value
    }),
    filters.q,
  ])
}

/**
 * The total and facet counts of the published algorithms matching `filters`. Facets are
 * "disjunctive": each facet counts over the set filtered by every other filter but not by its
 * own, so a front-end can show how many results each alternative value would give. Pages and
 * sort orders of one filter set share these counts.
 */
export async function countFacets(run: RunQuery, filters: AlgorithmFilters): Promise<FacetCounts> {
  const values: unknown[] = []
  const facet = conditions(filters, values)
  const flags = FILTER_NAMES.map((name) => `${facet.byFilter[name]} AS f_${name}`).join(', ')
  const others = (except: FilterName | null) =>
    FILTER_NAMES.filter((name) => name !== except)
      .map((name) => `f_${name}`)
      .join(' AND ')
  const facetRows = await run<{
    facet: string
    value: string
    label: string | null
    count: number
  }>(
    `WITH base AS (
      SELECT organisation_code, organisation_name, organisation_type, publication_category, status,
        categories, has_impact_assessment, ${flags}
      FROM public_algorithms WHERE ${facet.base}
    ),
    -- One pass for the total and every single-valued facet: each grouping set counts only the
    -- rows that pass the other facets' filters (disjunctive facets).
    grouped AS (
      SELECT GROUPING(organisation_code, organisation_type, publication_category, status,
          has_impact_assessment) AS grouping_bits,
        organisation_code, max(organisation_name) AS organisation_name, organisation_type,
        publication_category, status, has_impact_assessment,
        count(*) FILTER (WHERE ${others(null)})::int AS n_total,
        count(*) FILTER (WHERE ${others('organisation')})::int AS n_organisation,
        count(*) FILTER (WHERE ${others('organisationType')})::int AS n_organisation_type,
        count(*) FILTER (WHERE ${others('publicationCategory')})::int AS n_publication_category,
        count(*) FILTER (WHERE ${others('status')})::int AS n_status,
        count(*) FILTER (WHERE ${others('hasImpactAssessment')})::int AS n_impact
      FROM base
      GROUP BY GROUPING SETS ((organisation_code), (organisation_type), (publication_category),
        (status), (has_impact_assessment), ())
    )
    SELECT facet, value, label, count FROM (
      SELECT CASE grouping_bits
          WHEN 31 THEN 'total' WHEN 15 THEN 'organisation' WHEN 23 THEN 'organisationType'
          WHEN 27 THEN 'publicationCategory' WHEN 29 THEN 'status' ELSE 'hasImpactAssessment'
        END AS facet,
        CASE grouping_bits
          WHEN 31 THEN '' WHEN 15 THEN organisation_code WHEN 23 THEN organisation_type
          WHEN 27 THEN publication_category WHEN 29 THEN status ELSE has_impact_assessment::text
        END AS value,
        CASE grouping_bits WHEN 15 THEN organisation_name END AS label,
        CASE grouping_bits
          WHEN 31 THEN n_total WHEN 15 THEN n_organisation WHEN 23 THEN n_organisation_type
          WHEN 27 THEN n_publication_category WHEN 29 THEN n_status ELSE n_impact
        END AS count
      FROM grouped
    ) AS facets
    WHERE count > 0 OR facet = 'total'
    UNION ALL
    SELECT 'theme', theme, NULL, count(*)::int
      FROM base, unnest(categories) AS theme WHERE ${others('theme')} GROUP BY theme`,
    values,
  )
  return {
    totalCount: facetRows.find((row) => row.facet === 'total')?.count ?? 0,
    facets: {
      organisation: facetValues(facetRows, 'organisation', null),
      organisationType: facetValues(
        facetRows,
        'organisationType',
        ORGANISATION_TYPES.map((option) => ({ value: option.value, label: option.label.nl })),
      ),
      publicationCategory: facetValues(
        facetRows,
        'publicationCategory',
        asOptions(PUBLICATION_CATEGORY_VALUES),
      ),
      status: facetValues(facetRows, 'status', asOptions(STATUS_VALUES)),
      theme: facetValues(facetRows, 'theme', asOptions(CATEGORY_VALUES)),
      hasImpactAssessment: facetValues(facetRows, 'hasImpactAssessment', [
        { value: 'true', label: 'Ja' },
        { value: 'false', label: 'Nee' },
      ]),
    },
  }
}

/** The public row of one algorithm, as the projection holds it. */
export interface PublicRow {
  lars: string
  algorithmId: number
  organisationId: number
  organisationCode: string
  organisationName: string
  organisationType: string
  revisionNumber: number
  record: Record<string, unknown>
  firstPublishedAt: string
  updatedAt: string
}

/**
 * The published row of `lars`. Throws a 404 problem when it was never published and a 410
 * problem (with the withdrawal date) when it was withdrawn.
 */
export async function findPublished(run: RunQuery, lars: string): Promise<PublicRow> {
  const [row] = await run<Record<string, unknown>>(
    `SELECT lars, algorithm_id, organisation_id, organisation_code, organisation_name,
        organisation_type, revision_number, record, first_published_at, updated_at, withdrawn_at
     FROM public_algorithms WHERE lars = $1`,
    [lars],
  )
  if (!row) {
    throw new PublicProblem(404, PROBLEM_TITLES[404], {
      nl: `Er is geen gepubliceerd algoritme met Algoritme-ID ${lars}.`,
      en: `There is no published algorithm with Algorithm ID ${lars}.`,
    })
  }
  if (row.withdrawn_at) {
    const withdrawnAt = iso(row.withdrawn_at)
    throw new PublicProblem(
      410,
      PROBLEM_TITLES[410],
      {
        nl: `De publicatie van algoritme ${lars} is op ${withdrawnAt.slice(0, 10)} ingetrokken.`,
        en: `The publication of algorithm ${lars} was withdrawn on ${withdrawnAt.slice(0, 10)}.`,
      },
      { lars, withdrawnAt },
    )
  }
  return {
    lars: String(row.lars),
    algorithmId: Number(row.algorithm_id),
    organisationId: Number(row.organisation_id),
    organisationCode: text(row.organisation_code),
    organisationName: toPlainText(row.organisation_name),
    organisationType: text(row.organisation_type),
    revisionNumber: Number(row.revision_number),
    record: row.record as Record<string, unknown>,
    firstPublishedAt: iso(row.first_published_at),
    updatedAt: iso(row.updated_at),
  }
}

/** Public extras the record may carry besides the standard's keys. */
export const PUBLIC_EXTRA_KEYS = ['eu_ai_act', 'based_on'] as const

/**
 * The public record with only the standard's keys (in the standard's order) and the public
 * extras, every value made safe for output: whatever else might ever reach the projection is not
 * passed on, and markup stored before input validation got stricter is not either.
 */
export function publicFields(record: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of STANDARD_KEYS) result[key] = record[key] ?? (key === 'category' ? [] : '')
  for (const key of PUBLIC_EXTRA_KEYS) if (record[key] !== undefined) result[key] = record[key]
  return sanitisePublicRecord(result)
}

/** The detail answer: the record with the standard's keys plus register metadata. */
export function algorithmDetail(row: PublicRow): Record<string, unknown> {
  return {
    ...publicFields(row.record),
    lars: row.lars,
    organisationCode: row.organisationCode,
    organisationType: row.organisationType,
    revisionNumber: row.revisionNumber,
    firstPublishedAt: row.firstPublishedAt,
    updatedAt: row.updatedAt,
  }
}
