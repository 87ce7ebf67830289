import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Algorithm } from '../../payload-types'
import { writeAuditEvent } from '../audit/writeAuditEvent'
import { buildSubmission } from './buildSubmission'
import { NATIONAL_CONNECTIONS_SLUG } from './collections/NationalConnections'
import { NATIONAL_DELIVERIES_SLUG } from './collections/NationalDeliveries'
import { decryptCredentials } from './credentialCipher'
import type { DeliveryStatus } from './deliveryStatus'
import { dutchRefusal } from './dutchRefusal'
import { queueDeliveryJob } from './enqueueNationalDelivery'
import {
  callNational,
  NationalRequestError,
  type NationalConnection,
  type NationalResponse,
} from './nationalClient'
import { nationalSettings } from './nationalSettings'
import { validateAlgorithmIn } from './submissionValidator'

/** What one delivery run came to. */
export interface DeliveryOutcome {
  result: 'done' | 'retry' | 'failed' | 'skipped' | 'deferred'
  status?: DeliveryStatus
  reason?: string | null
  retryAt?: Date
}

type DeliveryRow = {
  id: number
  status: DeliveryStatus
  nationalLars?: string | null
  wantedAction?: 'publish' | 'retract' | null
  deliveredRevision?: number | null
  releasedRevision?: number | null
  attempts?: number | null
  nextAttemptAt?: string | null
}

const running = new Map<number, Promise<unknown>>()

/**
 * One delivery at a time per algorithm in this process (the job runner holds a lock across
 * processes), so two jobs for the same algorithm never both create a description.
 */
async function exclusively<T>(algorithmId: number, work: () => Promise<T>): Promise<T> {
  for (;;) {
    const busy = running.get(algorithmId)
    if (!busy) break
    await busy.catch(() => undefined)
  }
  const promise = work()
  running.set(algorithmId, promise)
  try {
    return await promise
  } finally {
    running.delete(algorithmId)
  }
}

const idOf = (value: unknown): number =>
  typeof value === 'object' && value !== null
    ? Number((value as { id: unknown }).id)
    : Number(value)

/** The delay before attempt `attempts + 1`: doubling from the base, capped, never shorter than Retry-After. */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  const settings = nationalSettings()
  const backOff = Math.min(
    settings.retryMaxMs,
    settings.retryBaseMs * 2 ** Math.max(0, attempts - 1),
  )
  return Math.max(backOff, retryAfterMs ?? 0)
}

/**
 * Delivers the newest approved revision of one algorithm to the national register (or retracts
 * it), step by step, saving each step as soon as the register confirmed it: create (after
 * looking the description up by `source_id`, so a create whose answer was lost is not made
 * twice) or update, then release. A run that stops half-way continues where it stopped. A
 * retryable failure (429, 5xx, time-out) schedules the next attempt with exponential back-off
 * that honours Retry-After; a refusal (401, 422) or a failed login is an error state with a
 * Dutch reason; a failed login also stops the organisation's deliveries until new credentials
 * are saved. Every call to the register is an audit event (without credentials).
 */
export function deliverAlgorithm(payload: Payload, algorithmId: number): Promise<DeliveryOutcome> {
  return exclusively(algorithmId, () => deliverNow(payload, algorithmId))
}

async function deliverNow(payload: Payload, algorithmId: number): Promise<DeliveryOutcome> {
  const req = await createLocalReq({}, payload)
  const found = await payload.find({
    collection: NATIONAL_DELIVERIES_SLUG,
    where: { algorithm: { equals: algorithmId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const row = found.docs[0] as unknown as DeliveryRow | undefined
  if (!row) return { result: 'skipped' }
  if (row.nextAttemptAt && Date.parse(row.nextAttemptAt) > Date.now()) {
    return { result: 'deferred', status: row.status }
  }
  const algorithm = await payload.findByID({
    collection: 'algorithms',
    id: algorithmId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!algorithm) return { result: 'skipped' }
  const organisationId = idOf(algorithm.organization)
  const save = (data: Record<string, unknown>) =>
    payload.update({
      collection: NATIONAL_DELIVERIES_SLUG,
      id: row.id,
      data: { ...data, statusAt: new Date().toISOString() },
      depth: 0,
      overrideAccess: true,
      req,
    })
  const audit = (summary: string, details: Record<string, unknown>) =>
    writeAuditEvent(req, {
      eventType: 'national_delivery',
      summary: `Landelijk Algoritmeregister: ${summary}: ${algorithm.name}`,
      organisationId,
      targetCollection: 'algorithms',
      targetId: algorithm.id,
      targetLabel: algorithm.name,
      details,
    })

  const connectionRow = (
    await payload.find({
      collection: NATIONAL_CONNECTIONS_SLUG,
      where: { organisation: { equals: organisationId } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs[0]
  if (!connectionRow?.delivers) {
    const reason = 'Aanleveren aan het landelijke register staat uit voor deze organisatie.'
    await save({ status: 'niet_aangeleverd', reason })
    return { result: 'skipped', status: 'niet_aangeleverd', reason }
  }
  if (connectionRow.blockedReason) {
    await save({ status: 'fout', reason: connectionRow.blockedReason, nextAttemptAt: null })
    return { result: 'failed', status: 'fout', reason: connectionRow.blockedReason }
  }
  const credentials = decryptCredentials(connectionRow.credentials, payload.secret)
  const connection: NationalConnection = {
    id: connectionRow.id,
    organisationCode: connectionRow.organisationCode ?? '',
    credentials: credentials ?? {},
  }
  const org = `/organizations/${encodeURIComponent(connection.organisationCode)}`
  let operation = 'start'
  let revisionNumber: number | null = null
  // A call that succeeded in this run restarts the count of failures in a row.
  let progressed = false
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<NationalResponse> => {
    try {
      const answer = await callNational(connection, method, path, body)
      progressed = true
      return answer
    } catch (error) {
      // A token the register no longer accepts: log in once more, then give up.
      if (error instanceof NationalRequestError && error.kind === 'unauthorised') {
        const answer = await callNational(connection, method, path, body)
        progressed = true
        return answer
      }
      throw error
    }
  }

  try {
    if (row.wantedAction === 'retract') {
      if (!row.nationalLars || row.status === 'ingetrokken') {
        const status: DeliveryStatus = row.nationalLars ? 'ingetrokken' : 'niet_aangeleverd'
        await save({ status, reason: null, attempts: 0, nextAttemptAt: null })
        return { result: 'done', status }
      }
      operation = 'retract'
      try {
        await call('DELETE', `${org}/published-algorithms/${row.nationalLars}/retract`)
      } catch (error) {
        // Nothing published there (any more): the goal is reached.
        if (!(error instanceof NationalRequestError && error.kind === 'notFound')) throw error
      }
      await save({
        status: 'ingetrokken',
        reason: null,
        attempts: 0,
        nextAttemptAt: null,
        releasedRevision: null,
      })
      await audit('ingetrokken', { operation, outcome: 'ok', nationalLars: row.nationalLars })
      return { result: 'done', status: 'ingetrokken' }
    }

    const revisionId = algorithm.workflow?.publicRevision
    if (!revisionId) return { result: 'skipped', status: row.status }
    const revision = await payload.findByID({
      collection: 'revisions',
      id: idOf(revisionId),
      depth: 0,
      overrideAccess: true,
      req,
    })
    revisionNumber = revision.revisionNumber
    const snapshot = (revision.snapshot ?? {}) as Record<string, unknown>
    let nationalLars = row.nationalLars ?? null
    if (!nationalLars && (await wasImported(req, algorithm))) {
      // Imported from the national register: it already knows this LARS.
      nationalLars = algorithm.lars ?? null
      if (nationalLars) await save({ nationalLars })
    }
    const body = buildSubmission(snapshot, { localLars: String(algorithm.lars), nationalLars })
    const problems = validateAlgorithmIn(body)
    if (problems.length > 0) {
      const reason = `De beschrijving past niet in de aanleverstandaard van het landelijke register en is niet verstuurd: ${problems.join('; ')}`
      await save({ status: 'fout', reason, nextAttemptAt: null })
      await audit('niet verstuurd', { operation: 'validate', outcome: 'invalid', problems })
      return { result: 'failed', status: 'fout', reason }
    }

    let delivered = row.deliveredRevision ?? null
    if (!nationalLars) {
      operation = 'lookup'
      const list = await call('GET', `${org}/algorithms`)
      const match = Array.isArray(list.body)
        ? (list.body as Array<{ lars?: unknown; source_id?: unknown }>).find(
            (item) => item.source_id === body.source_id,
          )
        : undefined
      if (match && typeof match.lars === 'string') {
        nationalLars = match.lars
        delivered = null
        await save({ nationalLars, deliveredRevision: null })
        await audit('gevonden', { operation, outcome: 'found', nationalLars })
      } else {
        operation = 'create'
        const created = await call('POST', `${org}/algorithms`, body)
        const lars = (created.body as { lars_code?: unknown } | undefined)?.lars_code
        if (typeof lars !== 'string') {
          throw new NationalRequestError('retry', 'Het landelijke register gaf geen LARS terug.')
        }
        nationalLars = lars
        delivered = revisionNumber
        await save({
          nationalLars,
          deliveredRevision: revisionNumber,
          status: 'aangeleverd',
          reason: null,
        })
        await audit('aangemaakt', { operation, outcome: 'ok', nationalLars, revisionNumber })
      }
    }
    if (delivered !== revisionNumber) {
      operation = 'update'
      await call('PUT', `${org}/algorithms/${nationalLars}`, { ...body, lars: nationalLars })
      await save({ deliveredRevision: revisionNumber, status: 'aangeleverd', reason: null })
      await audit('bijgewerkt', { operation, outcome: 'ok', nationalLars, revisionNumber })
    }
    if (row.releasedRevision !== revisionNumber || row.status !== 'vrijgegeven') {
      operation = 'release'
      try {
        await call('PUT', `${org}/algorithms/${nationalLars}/release`)
      } catch (error) {
        // 409: this version was already handed over; the goal is reached.
        if (!(error instanceof NationalRequestError && error.status === 409)) throw error
      }
      await audit('vrijgegeven', { operation, outcome: 'ok', nationalLars, revisionNumber })
    }
    await save({
      releasedRevision: revisionNumber,
      status: 'vrijgegeven',
      reason: null,
      attempts: 0,
      nextAttemptAt: null,
    })
    return { result: 'done', status: 'vrijgegeven' }
  } catch (error) {
    if (!(error instanceof NationalRequestError)) throw error
    const details = {
      operation,
      outcome: error.kind,
      httpStatus: error.status ?? null,
      revisionNumber,
    }
    if (error.kind === 'retry') {
      const attempts = (progressed ? 0 : (row.attempts ?? 0)) + 1
      const retryAt = new Date(Date.now() + retryDelayMs(attempts, error.retryAfterMs))
      // The job first: if the process stops right here, the retry still happens.
      await queueDeliveryJob({ payload }, algorithmId, retryAt)
      const reason = `${error.message} Nieuwe poging ${attempts + 1} na ${retryAt.toISOString()}.`
      await save({ status: 'in_wachtrij', reason, attempts, nextAttemptAt: retryAt.toISOString() })
      await audit('mislukt, wordt opnieuw geprobeerd', {
        ...details,
        attempts,
        retryAt: retryAt.toISOString(),
      })
      return { result: 'retry', status: 'in_wachtrij', reason, retryAt }
    }
    const reason =
      error.kind === 'rejected'
        ? `Het landelijke register heeft de beschrijving afgewezen: ${dutchRefusal(error.body).join(' ')}`
        : error.message
    if (error.kind === 'login') {
      await payload.update({
        collection: NATIONAL_CONNECTIONS_SLUG,
        id: connectionRow.id,
        data: { blockedReason: reason, blockedAt: new Date().toISOString() },
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
    await save({ status: 'fout', reason, nextAttemptAt: null })
    await audit('fout', details)
    return { result: 'failed', status: 'fout', reason }
  }
}

async function wasImported(req: PayloadRequest, algorithm: Algorithm): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: 'revisions',
    where: { and: [{ algorithm: { equals: algorithm.id } }, { source: { equals: 'import' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}
