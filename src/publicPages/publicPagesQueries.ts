import type { RunQuery } from '../publicApi/publicReaders'
import { toPlainText } from '../standard/safeText'

/**
 * The public pages' own SQL, in this one file. Both queries read only what is public: the
 * projection that approvals write (public_algorithms, never the editorial tables), and an
 * organisation's theme settings, which are public by nature.
 */

/** A description like another one. */
export interface SimilarDescription {
  lars: string
  name: string
  organisationName: string
  organisationCode: string
}

/** At most this many similar descriptions are shown. */
export const SIMILAR_LIMIT = 5

/**
 * Published descriptions most like `lars` by PostgreSQL full text: the words of its name and
 * short description (weights A and B of the projection's search vector) as an OR query, ranked
 * with ts_rank_cd; other organisations first ("Wat doen anderen?"), then its own.
 */
export async function findSimilarDescriptions(
  run: RunQuery,
  lars: string,
  limit = SIMILAR_LIMIT,
): Promise<SimilarDescription[]> {
  const rows = await run<Record<string, unknown>>(
    `WITH me AS (
       SELECT lars, organisation_code, search FROM public_algorithms
       WHERE lars = $1 AND withdrawn_at IS NULL
     ), words AS (
       SELECT string_agg(quote_literal(word.lexeme), ' | ')::tsquery AS query
       FROM me, unnest(me.search) AS word
       WHERE word.weights && ARRAY['A', 'B']::text[]
     )
     SELECT p.lars, p.record->>'name' AS name, p.organisation_name, p.organisation_code
     FROM public_algorithms p, me, words
     WHERE p.withdrawn_at IS NULL AND p.lars <> me.lars AND words.query IS NOT NULL
       AND p.search @@ words.query
     ORDER BY (p.organisation_code = me.organisation_code), ts_rank_cd(p.search, words.query) DESC, p.lars
     LIMIT $2`,
    [lars, limit],
  )
  return rows.map((row) => ({
    lars: String(row.lars),
    name: toPlainText(row.name),
    organisationName: toPlainText(row.organisation_name),
    organisationCode: toPlainText(row.organisation_code),
  }))
}

/** The theme settings of an organisation, by its public code (TOOI code or org-<id>). */
export async function readThemeSettings(
  run: RunQuery,
  code: string,
): Promise<{ primaryColour: string | null; font: string | null; logoUrl: string | null } | null> {
  const byId = /^org-(\d{1,12})$/.exec(code)
  const [row] = await run<Record<string, unknown>>(
    `SELECT public_theme_primary_colour AS colour, public_theme_font AS font,
        public_theme_logo_url AS logo
     FROM organisations WHERE ${byId ? 'id = $1::int' : 'code = $1'}`,
    [byId ? byId[1] : code],
  )
  if (!row) return null
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)
  return { primaryColour: text(row.colour), font: text(row.font), logoUrl: text(row.logo) }
}
