/**
 * The register's hand-written SQL against Payload's own tables (algorithms, organisations,
 * audit_events, the sessions of auth collections), in one place: row and advisory locks, and the
 * few reads and writes where the Local API would cost too much (an import of the whole national
 * register, a report over every description). Column names are Payload's; a test checks each of
 * them against the migrated schema. The public projection has its own owner
 * (src/publicApi/projection.ts, and the public API's readers).
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

/** Sets the "review reminder sent" mark: the two bookkeeping columns and nothing else. */
export async function markReviewReminderSent(
  req: Req,
  input: { algorithmId: number; dueAt: string },
): Promise<void> {
  await runSql(
    req,
    sql`UPDATE algorithms
        SET workflow_review_overdue = true, workflow_review_reminder_sent_for = ${input.dueAt}::timestamptz
        WHERE id = ${input.algorithmId}`,
  )
}

/**
 * The import can be repeated safely, so losing the last rows' commits in a server crash costs
 * nothing, while waiting for every commit to reach the disk costs a lot of time.
 */
export async function relaxCommitDurability(req: Req): Promise<void> {
  await runSql(req, sql`SET LOCAL synchronous_commit TO OFF`)
}

/**
 * Takes the audit chain's transaction-scoped advisory lock and reads the last link (see
 * hooks/chainAuditEvent.ts for why).
 */
export async function lockAuditChainHead(
  req: Req,
  lockKey: number,
): Promise<{ sequence: number; hash: string } | undefined> {
  await runSql(req, sql`SELECT pg_advisory_xact_lock(${lockKey})`)
  const [last] = await runSql<{ sequence: string | number; hash: string }>(
    req,
    sql`SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1`,
  )
  return last ? { sequence: Number(last.sequence), hash: last.hash } : undefined
}

/** The part of a pg Pool or Client that {@link auditEventsPage} uses. */
export interface Queryable {
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>
}

const AUDIT_COLUMNS = `id, sequence, event_type, summary, occurred_at, actor_id, actor_name, actor_role,
  organisation_id, target_collection, target_id, target_label, changes, comment, details,
  request_id, previous_hash, hash`

/** One page of audit_events rows after `after`, in sequence order, straight from the table. */
export async function auditEventsPage(
  db: Queryable,
  after: number,
  limit: number,
): Promise<Array<Record<string, unknown>>> {
  const { rows } = await db.query(
    `SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE sequence > $1 ORDER BY sequence LIMIT $2`,
    [after, limit],
  )
  return rows as Array<Record<string, unknown>>
}

/**
 * Serialises session writes of one user (a transaction-scoped advisory lock) and reads the
 * sessions stored for them in `<collection>_sessions`.
 */
export async function lockAndReadSessions(
  req: Req,
  input: { lockNamespace: number; collection: string; userId: number },
): Promise<Array<{ id: string; created_at: Date | null; expires_at: Date }>> {
  await runSql(req, sql`SELECT pg_advisory_xact_lock(${input.lockNamespace}, ${input.userId})`)
  const table = sql.raw(`"${input.collection.replace(/-/g, '_')}_sessions"`)
  return runSql<{ id: string; created_at: Date | null; expires_at: Date }>(
    req,
    sql`SELECT id, created_at, expires_at FROM ${table} WHERE _parent_id = ${input.userId} ORDER BY _order`,
  )
}

/** Which of the named triggers exist, and 'public_algorithms' when that table exists. */
export async function presentDatabaseObjects(
  req: Req,
  triggers: readonly string[],
): Promise<Set<string>> {
  const names = sql.join(
    triggers.map((name) => sql`${name}`),
    sql`, `,
  )
  const rows = await runSql<{ name: string }>(
    req,
    sql`SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgname IN (${names})
        UNION ALL
        SELECT 'public_algorithms' WHERE to_regclass('public_algorithms') IS NOT NULL`,
  )
  return new Set(rows.map((row) => row.name))
}

/**
 * The progress report's counts, per organisation × publication category × workflow state, in
 * two queries (`ids` is a JSON list of organisation ids, or null for all).
 */
export async function progressReportRows(
  req: Req,
  input: { ids: string | null; at: string; defaultInterval: number },
) {
  const { ids, at, defaultInterval } = input
  const organisationRows = await runSql<{
    id: number
    code: string | null
    name: string
    type: string
    interval: string | number | null
  }>(
    req,
    sql`SELECT id, code, name, type::text AS type, settings_review_interval_months AS interval
        FROM organisations
        WHERE ${ids}::jsonb IS NULL
           OR id IN (SELECT jsonb_array_elements_text(${ids}::jsonb)::int)
        ORDER BY name, id`,
  )
  const countRows = await runSql<{
    organisation_id: number
    category: string | null
    state: string | null
    count: number
    published: number
    high_risk: number
    high_risk_registered: number
    overdue: number
    stale: number
  }>(
    req,
    sql`SELECT a.organization_id AS organisation_id,
               NULLIF(a.publication_category, '') AS category,
               COALESCE(a.workflow_state::text, 'concept') AS state,
               count(*)::int AS count,
               count(*) FILTER (WHERE a.workflow_public_revision_id IS NOT NULL)::int AS published,
               count(*) FILTER (
                 WHERE a.publication_category = 'Hoog-risico AI-systeem'
                   AND a.workflow_state IS DISTINCT FROM 'gearchiveerd'
               )::int AS high_risk,
               count(*) FILTER (
                 WHERE a.publication_category = 'Hoog-risico AI-systeem'
                   AND a.workflow_state IS DISTINCT FROM 'gearchiveerd'
                   AND COALESCE(a.eu_database_url, '') <> ''
               )::int AS high_risk_registered,
               count(*) FILTER (
                 WHERE a.workflow_public_revision_id IS NOT NULL
                   AND a.workflow_review_due_at < ${at}::timestamptz
               )::int AS overdue,
               count(*) FILTER (
                 WHERE a.workflow_public_revision_id IS NOT NULL
                   AND a.workflow_public_since < ${at}::timestamptz - make_interval(
                     months => COALESCE(o.settings_review_interval_months, ${defaultInterval})::int
                   )
               )::int AS stale
        FROM algorithms a
        JOIN organisations o ON o.id = a.organization_id
        WHERE ${ids}::jsonb IS NULL
           OR a.organization_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb)::int)
        GROUP BY 1, 2, 3`,
  )
  return { organisationRows, countRows }
}
