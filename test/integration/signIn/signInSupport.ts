import type { Payload } from 'payload'

import type { AuditEvent, User } from '../../../payload-types'
import { TEST_PASSWORD, rest, type ApiResult } from '../../support/fixtures'

export interface LoginAnswer {
  token?: string
  errors?: Array<{ message: string; data?: { signIn?: string } }>
}

/** POST /api/users/login with an optional second factor. */
export function passwordLogin(
  url: string,
  email: string,
  code?: string,
  password = TEST_PASSWORD,
): Promise<ApiResult<LoginAnswer>> {
  return rest<LoginAnswer>(url, 'POST', '/api/users/login', {
    body: code === undefined ? { email, password } : { email, password, code },
  })
}

/** The stored user with every hidden field, straight from the database adapter. */
export async function storedUser(payload: Payload, id: number): Promise<Record<string, unknown>> {
  const found = await payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })
  if (!found) throw new Error(`user ${id} not found`)
  return found as Record<string, unknown>
}

/** Audit events about one user, newest last. */
export async function eventsAbout(payload: Payload, user: Pick<User, 'id'>): Promise<AuditEvent[]> {
  const found = await payload.find({
    collection: 'audit-events',
    where: { targetCollection: { equals: 'users' }, targetId: { equals: String(user.id) } },
    sort: 'sequence',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs
}

/** GET /api/users/me: who this token belongs to, or null. */
export async function whoIs(url: string, token: string): Promise<number | null> {
  const answer = await rest<{ user: { id: number } | null }>(url, 'GET', '/api/users/me', { token })
  return answer.body.user?.id ?? null
}
