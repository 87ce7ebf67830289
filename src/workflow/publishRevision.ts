import type { PayloadRequest } from 'payload'

import type { Algorithm, Organisation, Revision } from '../../payload-types'
import { diffDocuments } from '../audit/diffDocuments'
import { upsertProjection } from '../publicApi/projection'
import {
  buildPublicRecord,
  publicOrganisationCode,
  publicRecordHash,
  type PublicRecord,
} from '../publicApi/publicRecord'
import { STANDARD_VERSION } from '../standard/publicationStandard'

export interface PublishInput {
  algorithm: Algorithm
  organisation: Organisation
  /** yyyy-mm-dd of the first publication (kept from earlier revisions and imports). */
  publicationDate: string
  /** ISO time of this approval or import. */
  stamp: string
  source: 'approval' | 'import'
  changeSummary: string | null
  submitter: { id: number | null; name: string | null; at: string | null }
  approver: { id: number; name: string }
}

/**
 * Freezes the algorithm's public fields into the next revision (with the field diff against the
 * previous one and a content hash) and makes it the public record, in the caller's transaction.
 * Used by approvals and by the importer.
 */
export async function publishRevision(
  req: PayloadRequest,
  input: PublishInput,
): Promise<{ revision: Revision; record: PublicRecord }> {
  const { algorithm, organisation } = input
  const record = buildPublicRecord(algorithm, organisation, input.publicationDate)
  const previous = await req.payload.find({
    collection: 'revisions',
    where: { algorithm: { equals: algorithm.id } },
    sort: '-revisionNumber',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const last = previous.docs[0]
  const revisionNumber = (last?.revisionNumber ?? 0) + 1
  const diff = diffDocuments(
    (last?.snapshot as Record<string, unknown> | undefined) ?? {},
    record as unknown as Record<string, unknown>,
  )
  const contentHash = publicRecordHash(record)
  const revision = await req.payload.create({
    collection: 'revisions',
    overrideAccess: true,
    depth: 0,
    req,
    data: {
      title: `${algorithm.name} – versie ${revisionNumber}`,
      algorithm: algorithm.id,
      organisationId: organisation.id,
      lars: algorithm.lars as string,
      revisionNumber,
      source: input.source,
      standardVersion: STANDARD_VERSION,
      snapshot: record as unknown as Record<string, unknown>,
      changeSummary: input.changeSummary,
      diff: diff as unknown as Record<string, unknown>[],
      contentHash,
      submittedById: input.submitter.id,
      submittedByName: input.submitter.name,
      submittedAt: input.submitter.at,
      approvedById: input.approver.id,
      approvedByName: input.approver.name,
      approvedAt: input.stamp,
    },
  })
  await upsertProjection(req, {
    record,
    algorithmId: algorithm.id,
    organisation: {
      id: organisation.id,
      code: publicOrganisationCode(organisation),
      name: organisation.name,
      type: organisation.type,
    },
    revisionId: revision.id,
    revisionNumber,
    firstPublishedAt: input.stamp,
    updatedAt: input.stamp,
    contentHash,
  })
  return { revision, record }
}
