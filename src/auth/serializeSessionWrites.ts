import type { Payload, PayloadRequest } from 'payload'

import { lockAndReadSessions } from '../database/payloadTables'

/** Advisory-lock namespace (first key) for per-user session writes; the user id is the second. */
export const SESSION_LOCK_NAMESPACE = 742_001

interface StoredSession {
  id: string
  createdAt?: Date | string | null
  expiresAt: Date | string
}

type UpdateOne = Payload['db']['updateOne']

function isSessionList(value: unknown): value is StoredSession[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => typeof entry === 'object' && entry !== null && typeof entry.id === 'string',
    )
  )
}

/**
 * Payload 3 keeps a user's sessions on the user document and login adds one by
 * read-modify-write: the user is read before the login's transaction starts and written back with
 * the new session inside it. Parallel logins to one account therefore overwrite each other's
 * sessions and all but one token is refused afterwards.
 *
 * This wraps the adapter's `updateOne` for auth collections: when a write inside a transaction
 * carries `sessions`, it first takes a transaction-scoped advisory lock on the user (so session
 * writes to one user run one at a time, across processes), re-reads the stored sessions and, if
 * the write adds sessions, keeps every stored unexpired session as well. A write that only
 * removes sessions (logout) is applied as given.
 */
export function serializeSessionWrites(payload: Payload): void {
  const slugs = new Set(
    payload.config.collections
      .filter((collection) => collection.auth && collection.auth.useSessions !== false)
      .map((collection) => collection.slug),
  )
  if (slugs.size === 0) return
  const adapter = payload.db
  const original: UpdateOne = adapter.updateOne.bind(adapter)
  const wrapped: UpdateOne = async (args) => {
    const data = args.data as { sessions?: unknown }
    const id = Number(args.id)
    const req = args.req as PayloadRequest | undefined
    if (
      !slugs.has(args.collection) ||
      !isSessionList(data.sessions) ||
      !Number.isSafeInteger(id) ||
      !req?.transactionID
    ) {
      return original(args)
    }
    const stored = await lockAndReadSessions(req, {
      lockNamespace: SESSION_LOCK_NAMESPACE,
      collection: args.collection,
      userId: id,
    })
    const storedIds = new Set(stored.map((row) => row.id))
    const added = data.sessions.filter((session) => !storedIds.has(session.id))
    if (added.length > 0) {
      const now = Date.now()
      const kept = stored
        .filter((row) => new Date(row.expires_at).getTime() > now)
        .map((row) => ({ id: row.id, createdAt: row.created_at, expiresAt: row.expires_at }))
      data.sessions = [...kept, ...added]
    }
    return original(args)
  }
  adapter.updateOne = wrapped
}
