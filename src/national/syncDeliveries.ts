import { createLocalReq, type Payload } from 'payload'

import { NATIONAL_CONNECTIONS_SLUG } from './collections/NationalConnections'
import { NATIONAL_DELIVERIES_SLUG } from './collections/NationalDeliveries'
import { buildSubmission } from './buildSubmission'
import { deliverAlgorithm, type DeliveryOutcome } from './deliverAlgorithm'
import { validateAlgorithmIn } from './submissionValidator'

export interface SyncOptions {
  /** Only this organisation: its TOOI code here or its code in the national register. */
  organisation?: string
  /** Build and check every submission, send nothing, change nothing. */
  dryRun?: boolean
  /** Send again even what the national register already has. */
  force?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface SyncItem {
  algorithmId: number
  name: string
  organisation: string
  action: 'publish' | 'retract'
  outcome: DeliveryOutcome['result'] | 'valid' | 'invalid'
  status?: string
  reason?: string | null
}

const idOf = (value: unknown): number =>
  typeof value === 'object' && value !== null
    ? Number((value as { id: unknown }).id)
    : Number(value)

/**
 * Delivers (or with `force` re-delivers) every published description of the organisations that
 * deliver, and retracts withdrawn ones that were delivered, one at a time and within the rate
 * limit. Used by `npm run national:sync`; the same delivery steps as the job.
 */
export async function syncDeliveries(
  payload: Payload,
  options: SyncOptions = {},
): Promise<SyncItem[]> {
  const req = await createLocalReq({}, payload)
  const connections = await payload.find({
    collection: NATIONAL_CONNECTIONS_SLUG,
    where: { delivers: { equals: true } },
    pagination: false,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const work: Array<{
    algorithmId: number
    name: string
    organisation: string
    organisationId: number
    action: 'publish' | 'retract'
  }> = []
  for (const connection of connections.docs) {
    const organisation =
      typeof connection.organisation === 'object' ? connection.organisation : undefined
    const codes = [connection.organisationCode, organisation?.code].filter(Boolean)
    if (options.organisation && !codes.includes(options.organisation.toLowerCase())) continue
    const organisationId = idOf(connection.organisation)
    const algorithms = await payload.find({
      collection: 'algorithms',
      where: { organization: { equals: organisationId } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
      select: { name: true, lars: true, workflow: true },
    })
    const delivered = await payload.find({
      collection: NATIONAL_DELIVERIES_SLUG,
      where: { organisation: { equals: organisationId } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const withLars = new Set(
      delivered.docs.filter((row) => row.nationalLars).map((row) => idOf(row.algorithm)),
    )
    for (const algorithm of algorithms.docs) {
      const isPublic = Boolean(algorithm.workflow?.publicRevision)
      if (!isPublic && !withLars.has(algorithm.id)) continue
      work.push({
        algorithmId: algorithm.id,
        name: algorithm.name,
        organisation: connection.organisationCode ?? '',
        organisationId,
        action: isPublic ? 'publish' : 'retract',
      })
    }
  }

  const items: SyncItem[] = []
  options.onProgress?.(0, work.length)
  for (const [index, entry] of work.entries()) {
    const base = {
      algorithmId: entry.algorithmId,
      name: entry.name,
      organisation: entry.organisation,
      action: entry.action,
    }
    if (options.dryRun) {
      items.push({ ...base, ...(await checkOnly(payload, entry.algorithmId, entry.action)) })
    } else {
      await prepareRow(payload, entry, options.force === true)
      const outcome = await deliverAlgorithm(payload, entry.algorithmId)
      items.push({
        ...base,
        outcome: outcome.result,
        status: outcome.status,
        reason: outcome.reason,
      })
    }
    options.onProgress?.(index + 1, work.length)
  }
  return items
}

async function checkOnly(
  payload: Payload,
  algorithmId: number,
  action: 'publish' | 'retract',
): Promise<Pick<SyncItem, 'outcome' | 'reason'>> {
  if (action === 'retract') return { outcome: 'valid' }
  const algorithm = await payload.findByID({
    collection: 'algorithms',
    id: algorithmId,
    depth: 0,
    overrideAccess: true,
  })
  const revision = await payload.findByID({
    collection: 'revisions',
    id: idOf(algorithm.workflow?.publicRevision),
    depth: 0,
    overrideAccess: true,
  })
  const problems = validateAlgorithmIn(
    buildSubmission((revision.snapshot ?? {}) as Record<string, unknown>, {
      localLars: String(algorithm.lars),
    }),
  )
  return problems.length === 0
    ? { outcome: 'valid' }
    : { outcome: 'invalid', reason: problems.join('; ') }
}

/** Makes sure the algorithm has a delivery row that asks for `action`, due now. */
async function prepareRow(
  payload: Payload,
  entry: {
    algorithmId: number
    name: string
    organisationId: number
    action: 'publish' | 'retract'
  },
  force: boolean,
): Promise<void> {
  const found = await payload.find({
    collection: NATIONAL_DELIVERIES_SLUG,
    where: { algorithm: { equals: entry.algorithmId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const row = found.docs[0]
  const data = {
    algorithm: entry.algorithmId,
    organisation: entry.organisationId,
    algorithmName: entry.name,
    wantedAction: entry.action,
    nextAttemptAt: null,
    ...(force ? { deliveredRevision: null, releasedRevision: null } : {}),
    ...(row?.status === 'fout' || !row ? { status: 'in_wachtrij' as const, attempts: 0 } : {}),
  }
  if (row) {
    await payload.update({
      collection: NATIONAL_DELIVERIES_SLUG,
      id: row.id,
      data,
      depth: 0,
      overrideAccess: true,
    })
  } else {
    await payload.create({
      collection: NATIONAL_DELIVERIES_SLUG,
      data: { ...data, status: 'in_wachtrij', statusAt: new Date().toISOString() },
      depth: 0,
      overrideAccess: true,
    })
  }
}
