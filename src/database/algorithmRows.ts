/**
 * The register's hand-written SQL against Payload's `algorithms` table, in one place: the row lock
 * of a workflow step and the few reads and writes where the Local API would cost too much (an
 * import of the whole national register). Column names are Payload's; a test checks each of them
 * against the migrated schema.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { runSql } from './runSql'

type Req = Pick<PayloadRequest, 'payload' | 'transactionID'>

/** What a workflow step needs to know of a locked algorithm row without reading all of it. */
export interface LockedAlgorithm {
  state: string | null
  transitionCount: number
  publicationDate: string | null
}

/**
 * Locks the algorithm's row until the end of the request's transaction (`SELECT … FOR UPDATE`),
 * so two workflow steps on one description run one after the other. Undefined when it does not
 * exist.
 */
export async function lockAlgorithmRow(req: Req, id: number): Promise<LockedAlgorithm | undefined> {
  const [row] = await runSql<{
    state: string | null
    publication_dt: string | null
    transitions: string | number | null
  }>(
    req,
    sql`SELECT workflow_state AS state, publication_dt, workflow_transition_count AS transitions
        FROM algorithms WHERE id = ${id} FOR UPDATE`,
  )
  if (!row) return undefined
  return {
    state: row.state,
    transitionCount: Number(row.transitions ?? 0),
    publicationDate: row.publication_dt ?? null,
  }
}

/**
 * Links an algorithm to its new public revision. Used where the step has just written the whole
 * description through the Local API (an import): a second Local API update would validate and
 * rewrite all of it again for these system columns.
 */
export async function linkPublicRevision(
  req: Req,
  input: { algorithmId: number; revisionId: number; revisionNumber: number; stamp: string },
): Promise<void> {
  await runSql(
    req,
    sql`UPDATE algorithms
        SET workflow_public_revision_id = ${input.revisionId},
            workflow_published_revision_count = ${input.revisionNumber},
            updated_at = ${input.stamp}::timestamptz
        WHERE id = ${input.algorithmId}`,
  )
}

/** The keys an import matches rows on, for every algorithm (one query instead of a Local API page walk). */
export async function algorithmMatchKeys(payload: Payload): Promise<
  Array<{
    id: number
    lars: string | null
    organisationId: number
    sourceId: string | null
    name: string
  }>
> {
  const rows = await runSql<{
    id: number
    lars: string | null
    organization_id: number
    source_id: string | null
    name: string
  }>({ payload }, sql`SELECT id, lars, organization_id, source_id, name FROM algorithms`)
  return rows.map((row) => ({
    id: row.id,
    lars: row.lars,
    organisationId: row.organization_id,
    sourceId: row.source_id,
    name: row.name,
  }))
}
