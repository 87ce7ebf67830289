import type { Payload, PayloadRequest } from 'payload'

import type { Algorithm } from '../../payload-types'
import { now } from '../clock'
import { NATIONAL_CONNECTIONS_SLUG } from './collections/NationalConnections'
import { NATIONAL_DELIVERIES_SLUG } from './collections/NationalDeliveries'

export const NATIONAL_QUEUE = 'national'
export const DELIVER_TASK = 'deliverToNationalRegister'

/** Puts a delivery job for one algorithm in the queue (in `req`'s transaction when it has one). */
export async function queueDeliveryJob(
  target: { req?: PayloadRequest; payload: Payload },
  algorithmId: number,
  waitUntil?: Date,
): Promise<void> {
  await target.payload.jobs.queue({
    task: DELIVER_TASK,
    queue: NATIONAL_QUEUE,
    input: { algorithmId },
    ...(waitUntil ? { waitUntil } : {}),
    ...(target.req ? { req: target.req } : {}),
  })
}

/** The organisation's connection to the national register, if it delivers. */
export async function deliveringConnection(req: PayloadRequest, organisationId: number) {
  const found = await req.payload.find({
    collection: NATIONAL_CONNECTIONS_SLUG,
    where: { organisation: { equals: organisationId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const connection = found.docs[0]
  return connection?.delivers === true ? connection : undefined
}

/**
 * The outbox step of an approval or withdrawal: marks the algorithm "in de wachtrij" and
 * queues a delivery job, both in the transition's own transaction, so a rolled-back step
 * delivers nothing and a committed one is delivered even after a restart. Organisations that
 * do not deliver are left alone. The job reads the newest approved revision when it runs, so
 * several approvals in a row deliver only the newest.
 */
export async function enqueueNationalDelivery(
  req: PayloadRequest,
  input: { algorithm: Algorithm; organisationId: number; action: 'publish' | 'retract' },
): Promise<void> {
  if (!(await deliveringConnection(req, input.organisationId))) return
  const existing = await req.payload.find({
    collection: NATIONAL_DELIVERIES_SLUG,
    where: { algorithm: { equals: input.algorithm.id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const data = {
    algorithm: input.algorithm.id,
    organisation: input.organisationId,
    algorithmName: input.algorithm.name,
    status: 'in_wachtrij' as const,
    statusAt: now().toISOString(),
    reason: null,
    wantedAction: input.action,
    attempts: 0,
    nextAttemptAt: null,
  }
  const row = existing.docs[0]
  if (row) {
    await req.payload.update({
      collection: NATIONAL_DELIVERIES_SLUG,
      id: row.id,
      data,
      depth: 0,
      overrideAccess: true,
      req,
    })
  } else {
    await req.payload.create({
      collection: NATIONAL_DELIVERIES_SLUG,
      data,
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  await queueDeliveryJob({ req, payload: req.payload }, input.algorithm.id)
}

/** After new credentials: the organisation's failed deliveries go back in the queue. */
export async function requeueFailedDeliveries(
  req: PayloadRequest,
  organisationId: number,
): Promise<void> {
  const failed = await req.payload.find({
    collection: NATIONAL_DELIVERIES_SLUG,
    where: { and: [{ organisation: { equals: organisationId } }, { status: { equals: 'fout' } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const row of failed.docs) {
    await req.payload.update({
      collection: NATIONAL_DELIVERIES_SLUG,
      id: row.id,
      data: {
        status: 'in_wachtrij',
        statusAt: now().toISOString(),
        reason: 'Opnieuw in de wachtrij na nieuwe inloggegevens.',
        attempts: 0,
        nextAttemptAt: null,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    const algorithmId = typeof row.algorithm === 'object' ? row.algorithm.id : row.algorithm
    await queueDeliveryJob({ req, payload: req.payload }, algorithmId)
  }
}
