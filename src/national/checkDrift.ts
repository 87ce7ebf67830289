import { createLocalReq, type Payload } from 'payload'

import { writeAuditEvent } from '../audit/writeAuditEvent'
import { buildSubmission } from './buildSubmission'
import { NATIONAL_CONNECTIONS_SLUG } from './collections/NationalConnections'
import { NATIONAL_DELIVERIES_SLUG } from './collections/NationalDeliveries'
import { decryptCredentials } from './credentialCipher'
import { callNational, NationalRequestError } from './nationalClient'

/** One field that differs between what was delivered and what the national register shows. */
export interface DriftField {
  field: string
  ours: string
  theirs: string
}

function normalised(value: unknown): string {
  if (value === undefined || value === null || value === '') return ''
  if (Array.isArray(value) && value.length === 0) return ''
  return typeof value === 'string' ? value.trim() : JSON.stringify(value)
}

const short = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text)

/** The fields where `theirs` differs from `ours` (only the keys we deliver, metadata aside). */
export function compareWithNational(
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
): DriftField[] {
  const ignored = new Set(['lars', 'publication_dt', 'standard_version', 'lang', 'source_id'])
  const fields = new Set([...Object.keys(ours)].filter((key) => !ignored.has(key)))
  const drift: DriftField[] = []
  for (const field of fields) {
    const a = normalised(ours[field])
    const b = normalised(theirs[field])
    if (a !== b) drift.push({ field, ours: short(a), theirs: short(b) })
  }
  return drift
}

/** What a drift check found, for the CLI and the job. */
export interface DriftSummary {
  checked: number
  drifted: number
  failed: number
}

/**
 * Reads back what the national register publishes for every released description and records
 * the fields that differ from what this register delivered (someone edited it there). It
 * reports; it never overwrites: the next approval delivers this register's version again.
 */
export async function checkDrift(
  payload: Payload,
  options: { organisationCode?: string } = {},
): Promise<DriftSummary> {
  const req = await createLocalReq({}, payload)
  const rows = await payload.find({
    collection: NATIONAL_DELIVERIES_SLUG,
    where: { status: { equals: 'vrijgegeven' } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const summary: DriftSummary = { checked: 0, drifted: 0, failed: 0 }
  for (const row of rows.docs) {
    const organisationId =
      typeof row.organisation === 'object' ? row.organisation.id : row.organisation
    const algorithmId = typeof row.algorithm === 'object' ? row.algorithm.id : row.algorithm
    const connection = (
      await payload.find({
        collection: NATIONAL_CONNECTIONS_SLUG,
        where: { organisation: { equals: organisationId } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs[0]
    if (!connection?.delivers || connection.blockedReason || !row.nationalLars) continue
    if (options.organisationCode && connection.organisationCode !== options.organisationCode)
      continue
    const algorithm = await payload.findByID({
      collection: 'algorithms',
      id: algorithmId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const revision = (
      await payload.find({
        collection: 'revisions',
        where: {
          and: [
            { algorithm: { equals: algorithmId } },
            { revisionNumber: { equals: row.releasedRevision ?? -1 } },
          ],
        },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
    ).docs[0]
    if (!revision) continue
    summary.checked += 1
    let theirs: Record<string, unknown>
    try {
      const answer = await callNational(
        {
          id: connection.id,
          organisationCode: connection.organisationCode ?? '',
          credentials: decryptCredentials(connection.credentials, payload.secret) ?? {},
        },
        'GET',
        `/organizations/${encodeURIComponent(connection.organisationCode ?? '')}/published-algorithms/${row.nationalLars}`,
      )
      theirs = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as Record<
        string,
        unknown
      >
    } catch (error) {
      if (!(error instanceof NationalRequestError)) throw error
      summary.failed += 1
      continue
    }
    const ours = buildSubmission((revision.snapshot ?? {}) as Record<string, unknown>, {
      localLars: String(algorithm.lars),
    })
    const drift = compareWithNational(ours as Record<string, unknown>, theirs)
    if (drift.length > 0) summary.drifted += 1
    const before = JSON.stringify(row.driftFields ?? [])
    await payload.update({
      collection: NATIONAL_DELIVERIES_SLUG,
      id: row.id,
      data: { driftFields: drift, driftCheckedAt: new Date().toISOString() },
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (drift.length > 0 && before !== JSON.stringify(drift)) {
      await writeAuditEvent(req, {
        eventType: 'national_delivery',
        summary: `Landelijk Algoritmeregister wijkt af (${drift.map((d) => d.field).join(', ')}): ${algorithm.name}`,
        organisationId,
        targetCollection: 'algorithms',
        targetId: algorithmId,
        targetLabel: algorithm.name,
        details: { operation: 'drift_check', fields: drift.map((d) => d.field) },
      })
    }
  }
  return summary
}
