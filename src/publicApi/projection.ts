import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { runSql } from '../database/runSql'
import { htmlToText } from '../standard/richText'
import { dutchSortKey } from './dutchSortKey'
import type { PublicRecord } from './publicRecord'

/*
 * The owner of the public_algorithms table: every write to it is here (publishing, withdrawing,
 * an organisation's new name), and the point reads other modules need. The public API's list
 * and search reads are in publicReaders.ts.
 */

/** Channel on which every change to the public projection is announced (at COMMIT). */
export const PUBLIC_CHANGE_CHANNEL = 'register_public'

export interface ProjectionInput {
  record: PublicRecord
  algorithmId: number
  organisation: { id: number; code: string; name: string; type: string }
  revisionId: number
  revisionNumber: number
  firstPublishedAt: string
  updatedAt: string
  contentHash: string
}

function hasImpactAssessment(record: PublicRecord): boolean {
  const grouping = record.impacttoetsen_grouping
  return (
    (Array.isArray(grouping) && grouping.length > 0) ||
    htmlToText(String(record.impacttoetsen ?? '')) !== ''
  )
}

/**
 * Writes the public row of an algorithm in the caller's transaction: it becomes visible to the
 * public API at the same COMMIT as the approval, and disappears with a rollback.
 */
export async function upsertProjection(req: PayloadRequest, input: ProjectionInput): Promise<void> {
  const { record } = input
  const lars = String(record.lars)
  const categories = Array.isArray(record.category) ? (record.category as string[]) : []
  const etag = `${input.contentHash.slice(0, 20)}.${input.revisionNumber}`
  await runSql(
    req,
    sql`
      INSERT INTO public_algorithms (
        lars, algorithm_id, organisation_id, organisation_code, organisation_name, organisation_type,
        revision_id, revision_number, record, publication_category, status, categories,
        has_impact_assessment, search, first_published_at, updated_at, withdrawn_at, withdrawal_reason, etag,
        name_sort
      ) VALUES (
        ${lars}, ${input.algorithmId}, ${input.organisation.id}, ${input.organisation.code},
        ${input.organisation.name}, ${input.organisation.type}, ${input.revisionId}, ${input.revisionNumber},
        ${JSON.stringify(record)}::jsonb, ${String(record.publication_category)}, ${String(record.status)},
        ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(categories)}::jsonb)), ${hasImpactAssessment(record)},
        setweight(to_tsvector('dutch', ${String(record.name ?? '')}), 'A')
          || setweight(to_tsvector('dutch', ${String(record.description_short ?? '')}), 'B')
          || setweight(to_tsvector('dutch', ${htmlToText(String(record.goal ?? ''))}), 'C')
          || setweight(to_tsvector('dutch', ${`${htmlToText(String(record.tags ?? ''))} ${input.organisation.name}`}), 'C'),
        ${input.firstPublishedAt}::timestamptz, ${input.updatedAt}::timestamptz, NULL, NULL, ${etag},
        ${dutchSortKey(String(record.name ?? ''))}
      )
      ON CONFLICT (lars) DO UPDATE SET
        algorithm_id = EXCLUDED.algorithm_id,
        organisation_id = EXCLUDED.organisation_id,
        organisation_code = EXCLUDED.organisation_code,
        organisation_name = EXCLUDED.organisation_name,
        organisation_type = EXCLUDED.organisation_type,
        revision_id = EXCLUDED.revision_id,
        revision_number = EXCLUDED.revision_number,
        record = EXCLUDED.record,
        publication_category = EXCLUDED.publication_category,
        status = EXCLUDED.status,
        categories = EXCLUDED.categories,
        has_impact_assessment = EXCLUDED.has_impact_assessment,
        search = EXCLUDED.search,
        first_published_at = LEAST(public_algorithms.first_published_at, EXCLUDED.first_published_at),
        updated_at = EXCLUDED.updated_at,
        withdrawn_at = NULL,
        withdrawal_reason = NULL,
        etag = EXCLUDED.etag,
        name_sort = EXCLUDED.name_sort
    `,
  )
  await announcePublicChange(req, lars)
}

/** Marks the public row withdrawn: lists drop it, its detail answers 410 Gone. */
export async function withdrawProjection(
  req: PayloadRequest,
  input: { lars: string; withdrawnAt: string; reason: string },
): Promise<void> {
  await runSql(
    req,
    sql`UPDATE public_algorithms
        SET withdrawn_at = ${input.withdrawnAt}::timestamptz, withdrawal_reason = ${input.reason},
            updated_at = ${input.withdrawnAt}::timestamptz, etag = etag || '-w'
        WHERE lars = ${input.lars}`,
  )
  await announcePublicChange(req, input.lars)
}

/** NOTIFY is transactional: other processes hear of the change only if and when it commits. */
export async function announcePublicChange(req: PayloadRequest, lars: string): Promise<void> {
  await runSql(req, sql`SELECT pg_notify(${PUBLIC_CHANGE_CHANNEL}, ${lars})`)
}

/** The public record of a description as the public API shows it now; null when not public. */
export async function currentPublicRecord(
  req: PayloadRequest,
  lars: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await runSql<{ record: Record<string, unknown> }>(
    req,
    sql`SELECT record FROM public_algorithms WHERE lars = ${lars} AND withdrawn_at IS NULL`,
  )
  return row?.record ?? null
}

/**
 * An organisation's name, code and type as shown with its published algorithms: the public rows
 * follow a change in the caller's transaction, and every public cache is told (an empty id in
 * the change notification means "everything").
 */
export async function renameOrganisationInProjection(
  req: PayloadRequest,
  organisation: { id: number; name: string; code: string; type: string },
): Promise<void> {
  await runSql(
    req,
    sql`UPDATE public_algorithms
        SET organisation_name = ${organisation.name}, organisation_code = ${organisation.code},
            organisation_type = ${organisation.type},
            record = jsonb_set(record, '{organization}', to_jsonb(${organisation.name}::text))
        WHERE organisation_id = ${organisation.id}`,
  )
  await announcePublicChange(req, '')
}

/** A published (not withdrawn) description with its organisation, for a template. */
export async function publishedProjectionRow(
  req: PayloadRequest,
  lars: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT lars, organisation_id, organisation_name, revision_number, record
        FROM public_algorithms WHERE lars = ${lars} AND withdrawn_at IS NULL`,
  )
  return row
}

/** The current public records, by LARS id, optionally of some organisations only. */
export async function currentPublicRecords(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  organisationIds?: readonly number[],
): Promise<Array<Record<string, unknown>>> {
  const rows = await runSql<{ record: Record<string, unknown> }>(
    req,
    organisationIds
      ? sql`SELECT record FROM public_algorithms
            WHERE withdrawn_at IS NULL
              AND organisation_id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...organisationIds])}::jsonb)::int)
            ORDER BY lars`
      : sql`SELECT record FROM public_algorithms WHERE withdrawn_at IS NULL ORDER BY lars`,
  )
  return rows.map((row) => row.record)
}
