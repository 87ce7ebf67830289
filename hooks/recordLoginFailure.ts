import type { AfterErrorHook } from 'payload'

import { writeAuditEvent } from '../src/audit/writeAuditEvent'

const LOGIN_ERRORS = new Set(['AuthenticationError', 'LockedAuth'])

function nameOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  const original = (error as { originalError?: unknown }).originalError
  if (original && typeof original === 'object' && 'name' in original) return String(original.name)
  return 'name' in error ? String((error as { name: unknown }).name) : undefined
}

/**
 * Failed logins (wrong password, locked account) through REST or GraphQL. Payload has no
 * failed-login hook, so this listens on errors; the login's own transaction has been rolled
 * back by then, so the event is written in a transaction of its own.
 */
export const recordLoginFailure: AfterErrorHook = async ({ error, req }) => {
  const kind = nameOf(error)
  if (!kind || !LOGIN_ERRORS.has(kind)) return
  const data = (req.data ?? {}) as { email?: unknown }
  const email =
    typeof data.email === 'string' ? data.email.trim().toLowerCase().slice(0, 200) : null
  let actor: { id: number; name?: string; email?: string } | null = null
  if (email) {
    const found = await req.payload.find({
      collection: 'users',
      where: { email: { equals: email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const user = found.docs[0] as { id: number; name?: string; email?: string } | undefined
    if (user) actor = { id: user.id, name: user.name, email: user.email }
  }
  await writeAuditEvent(req, {
    eventType: 'login_failure',
    summary:
      kind === 'LockedAuth'
        ? `Inlogpoging op geblokkeerd account ${email ?? '(onbekend)'}`
        : `Mislukte inlogpoging voor ${email ?? '(onbekend)'}`,
    targetCollection: 'users',
    targetId: actor?.id ?? null,
    targetLabel: email,
    details: { reason: kind === 'LockedAuth' ? 'locked' : 'wrong-credentials' },
    actor,
  })
}
