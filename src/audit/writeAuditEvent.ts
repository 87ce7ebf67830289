import type { PayloadRequest } from 'payload'

import { asAccessUser, type AccessUser } from '../../access/accessUser'
import type { AuditEventType } from '../../collections/AuditEvents'
import { now } from '../clock'
import { actorRoleLabel } from './actorRoleLabel'
import { wellFormed } from './canonicalJson'
import { requestIdOf } from './requestIdOf'

/**
 * Who acted, when Payload has not put them on the request (a login). With memberships the
 * event also records their role in the event's organisation.
 */
export interface AuditActor {
  id: number | string
  name?: string | null
  email?: string | null
  memberships?: AccessUser['memberships']
  isPlatformAdmin?: boolean | null
}

/** What a caller says about an event; who, when and the chain are filled in here. */
export interface AuditEventInput {
  eventType: AuditEventType
  summary: string
  organisationId?: number | null
  targetCollection?: string | null
  targetId?: string | number | null
  targetLabel?: string | null
  changes?: unknown
  comment?: string | null
  details?: Record<string, unknown> | null
  /** Defaults to req.user; pass explicitly where Payload has not set it yet (login). */
  actor?: AuditActor | null
}

/**
 * Appends an event to the audit history inside the request's transaction: if the change it
 * records rolls back, so does the event, and if writing the event fails, the change fails.
 */
export async function writeAuditEvent(req: PayloadRequest, input: AuditEventInput): Promise<void> {
  const sessionUser = asAccessUser(req.user)
  const actor = input.actor === undefined ? sessionUser : input.actor
  const actorRecord = actor as AuditActor | null | undefined
  const actorForRole = input.actor === undefined ? req.user : input.actor
  await req.payload.create({
    collection: 'audit-events',
    overrideAccess: true,
    depth: 0,
    req,
    data: wellFormed({
      eventType: input.eventType,
      summary: input.summary.slice(0, 500),
      occurredAt: now().toISOString(),
      actorId: actorRecord ? Number(actorRecord.id) : null,
      actorName: actorRecord ? (actorRecord.name ?? actorRecord.email ?? null) : null,
      actorRole: actorRoleLabel(actorForRole, input.organisationId ?? null, req.payload),
      organisationId: input.organisationId ?? null,
      targetCollection: input.targetCollection ?? null,
      targetId:
        input.targetId === undefined || input.targetId === null ? null : String(input.targetId),
      targetLabel: input.targetLabel ?? null,
      changes: (input.changes ?? null) as Record<string, unknown> | unknown[] | null,
      comment: input.comment ?? null,
      details: input.details ?? null,
      requestId: requestIdOf(req),
      // Filled in by the chainAuditEvent hook under the chain lock.
      sequence: 0,
      previousHash: '',
      hash: '',
    }),
  })
}
