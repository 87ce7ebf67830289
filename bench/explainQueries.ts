/**
 * EXPLAIN (ANALYZE, BUFFERS) of every query the public API runs for the benchmark's requests,
 * built by the public API's own readers (listPage, countFacets, findPublished) so the plans are
 * those of the statements the server sends. Written into the bench log.
 */
import type pg from 'pg'

import { parseListQuery } from '../src/publicApi/listQuery'
import { countFacets, findPublished, listPage, type RunQuery } from '../src/publicApi/publicReaders'

/** One explained statement. */
export interface ExplainedQuery {
  label: string
  executionMs: number
  plan: string
}

/** A RunQuery that explains instead of answering; the plans are collected under `label`. */
function explainingRunner(client: pg.Client, label: string, into: ExplainedQuery[]): RunQuery {
  return async <Row extends Record<string, unknown>>(text: string, values: unknown[] = []) => {
    const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)
    const plan = result.rows.map((row: Record<string, unknown>) => row['QUERY PLAN']).join('\n')
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0)
    into.push({ label, executionMs, plan })
    // A placeholder row: the readers map it, nobody reads the result.
    return [{}] as unknown as Row[]
  }
}

/** Explains the list, search, facets and detail statements for these requests. */
export async function explainPublicQueries(
  client: pg.Client,
  sample: { lars: string; searchTerm: string; organisation: string },
): Promise<ExplainedQuery[]> {
  const explained: ExplainedQuery[] = []
  const list = async (label: string, query: string) => {
    const parsed = parseListQuery(new URLSearchParams(query))
    await listPage(explainingRunner(client, `${label}: page`, explained), parsed)
    await countFacets(explainingRunner(client, `${label}: facet counts`, explained), parsed)
  }
  await list('list ?pageSize=20 (sort=name)', 'pageSize=20')
  await list('list ?page=50', 'page=50')
  await list('list ?sort=-updatedAt&theme=Werk', 'sort=-updatedAt&theme=Werk')
  await list(`list ?organisation=${sample.organisation}`, `organisation=${sample.organisation}`)
  await list(`search ?q=${sample.searchTerm}`, `q=${encodeURIComponent(sample.searchTerm)}`)
  await list(
    `search ?q=${sample.searchTerm}&status=In gebruik`,
    `q=${encodeURIComponent(sample.searchTerm)}&status=In+gebruik`,
  )
  await findPublished(explainingRunner(client, 'detail', explained), sample.lars).catch(
    () => undefined,
  )
  return explained
}

/** The plans as log text. */
export function formatExplained(explained: ExplainedQuery[]): string {
  return explained
    .map((entry) => `--- ${entry.label} (${entry.executionMs} ms)\n${entry.plan}`)
    .join('\n')
}
