import { ORGANISATION_TYPES } from '../organisations/organisationTypes'
import { PUBLICATION_CATEGORY_VALUES, STATUS_VALUES } from '../standard/publicationStandard'
import { toPlainText, toSafeLink } from '../standard/safeText'
import { PROBLEM_TITLES, PublicProblem } from './problem'
import type { FacetValue, RunQuery } from './publicReaders'

/** An organisation in the public register, with counts of its published algorithms. */
export interface PublicOrganisationSummary {
  code: string
  name: string
  type: string
  typeLabel: string
  algorithmCount: number
  byPublicationCategory: FacetValue[]
  lastUpdatedAt: string
}

/** One organisation with more counts and its public contact details. */
export interface PublicOrganisation extends PublicOrganisationSummary {
  byStatus: FacetValue[]
  byTheme: FacetValue[]
  website: string
  contactEmail: string
}

const TYPE_LABELS = new Map<string, string>(
  ORGANISATION_TYPES.map((option) => [option.value, option.label.nl]),
)

function counts(values: readonly string[], found: Record<string, number> | null): FacetValue[] {
  return values.map((value) => ({ value, label: value, count: Number(found?.[value] ?? 0) }))
}

function summary(row: Record<string, unknown>): PublicOrganisationSummary {
  const type = String(row.type)
  return {
    code: String(row.code),
    name: toPlainText(row.name),
    type,
    typeLabel: TYPE_LABELS.get(type) ?? type,
    algorithmCount: Number(row.total),
    byPublicationCategory: counts(
      PUBLICATION_CATEGORY_VALUES,
      row.by_category as Record<string, number>,
    ),
    lastUpdatedAt: new Date(row.last_updated as Date).toISOString(),
  }
}

const AGGREGATE = `
  organisation_code AS code,
  (array_agg(organisation_name ORDER BY updated_at DESC))[1] AS name,
  (array_agg(organisation_type ORDER BY updated_at DESC))[1] AS type,
  (array_agg(organisation_id ORDER BY updated_at DESC))[1] AS organisation_id,
  count(*)::int AS total,
  max(updated_at) AS last_updated,
  (SELECT jsonb_object_agg(c, n) FROM (
     SELECT publication_category AS c, count(*) AS n FROM public_algorithms i
     WHERE i.organisation_code = p.organisation_code AND i.withdrawn_at IS NULL GROUP BY 1) x
  ) AS by_category`

/** Every organisation with at least one published algorithm, by name. */
export async function listOrganisations(
  run: RunQuery,
  organisationType: string[],
): Promise<PublicOrganisationSummary[]> {
  const values: unknown[] = []
  let where = 'withdrawn_at IS NULL'
  if (organisationType.length) {
    values.push(organisationType)
    where += ' AND organisation_type = ANY($1::text[])'
  }
  const rows = await run<Record<string, unknown>>(
    `SELECT ${AGGREGATE} FROM public_algorithms p WHERE ${where}
     GROUP BY organisation_code ORDER BY lower((array_agg(organisation_name ORDER BY updated_at DESC))[1]) COLLATE register_dutch, organisation_code`,
    values,
  )
  return rows.map(summary)
}

/** One organisation by its code; 404 when it has no published algorithm. */
export async function readOrganisation(run: RunQuery, code: string): Promise<PublicOrganisation> {
  const [row] = await run<Record<string, unknown>>(
    `SELECT ${AGGREGATE},
       (SELECT jsonb_object_agg(s, n) FROM (
          SELECT status AS s, count(*) AS n FROM public_algorithms i
          WHERE i.organisation_code = p.organisation_code AND i.withdrawn_at IS NULL GROUP BY 1) y
       ) AS by_status,
       (SELECT jsonb_object_agg(t, n) FROM (
          SELECT t, count(*) AS n FROM public_algorithms i, unnest(i.categories) AS t
          WHERE i.organisation_code = p.organisation_code AND i.withdrawn_at IS NULL GROUP BY 1) z
       ) AS by_theme
     FROM public_algorithms p WHERE withdrawn_at IS NULL AND organisation_code = $1
     GROUP BY organisation_code`,
    [code],
  )
  if (!row) {
    throw new PublicProblem(404, PROBLEM_TITLES[404], {
      nl: `Er is geen organisatie met code ${code} die algoritmes publiceert in dit register.`,
      en: `There is no organisation with code ${code} that publishes algorithms in this register.`,
    })
  }
  // Only the public contact columns of the organisation; its settings stay internal.
  const [contact] = await run<{ website: string | null; contact_email: string | null }>(
    'SELECT website, contact_email FROM organisations WHERE id = $1',
    [Number(row.organisation_id)],
  )
  const byTheme = Object.entries((row.by_theme as Record<string, number> | null) ?? {})
    .map(([value, count]) => ({ value, label: value, count: Number(count) }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'nl'))
  return {
    ...summary(row),
    byStatus: counts(STATUS_VALUES, row.by_status as Record<string, number>),
    byTheme,
    website: toSafeLink(contact?.website),
    contactEmail: toSafeLink(contact?.contact_email),
  }
}
