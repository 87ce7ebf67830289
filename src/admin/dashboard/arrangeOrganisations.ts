/** What the dashboard's organisation table needs of a row. */
export interface NamedRow {
  id: number
  name: string
}

/** One page of the organisation table. */
export interface ArrangedPage<Row> {
  /** The rows on this page: the person's own organisations first, then the rest by name. */
  rows: Row[]
  /** How many rows match the search, over all pages. */
  matching: number
  /** 1-based page shown (clamped to the pages there are). */
  page: number
  pageCount: number
  /** The person's own organisations among all rows (not only this page). */
  mineCount: number
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl-NL')
}

/**
 * Orders, filters and pages the organisations of the progress overview so that a register with
 * hundreds of organisations stays usable: the person's own organisations first, then the others
 * in Dutch alphabetical order; a search matches parts of the name, ignoring case and accents.
 */
export function arrangeOrganisations<Row extends NamedRow>(
  rows: readonly Row[],
  options: { mine: readonly number[]; query?: string; page?: number; pageSize: number },
): ArrangedPage<Row> {
  const mine = new Set(options.mine)
  const query = normalise(options.query?.trim() ?? '')
  const collator = new Intl.Collator('nl-NL', { sensitivity: 'base' })
  const sorted = [...rows].sort(
    (a, b) => Number(!mine.has(a.id)) - Number(!mine.has(b.id)) || collator.compare(a.name, b.name),
  )
  const matching = query ? sorted.filter((row) => normalise(row.name).includes(query)) : sorted
  const pageSize = Math.max(1, Math.floor(options.pageSize))
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize))
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount)
  return {
    rows: matching.slice((page - 1) * pageSize, page * pageSize),
    matching: matching.length,
    page,
    pageCount,
    mineCount: rows.filter((row) => mine.has(row.id)).length,
  }
}
