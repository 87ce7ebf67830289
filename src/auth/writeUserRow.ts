import { usersSlugOf } from '../plugin/registerOptionsOf'
import type { PayloadRequest } from 'payload'

/**
 * Changes fields of a user row the sign-in code owns (hidden fields, sessions, identities)
 * without hooks or access rules. Writes the whole row, as Payload's own logout does: with
 * @payloadcms/db-postgres 3.90, `db.updateOne` with only an array field (e.g. `sessions: []`)
 * also deleted the rows of the user's other arrays (their memberships). `updatedAt: null` keeps
 * the row's update time, as Payload does for session changes.
 */
export async function writeUserRow(
  req: PayloadRequest,
  id: number | string,
  changes: Record<string, unknown>,
  options: { inTransaction?: boolean } = {},
): Promise<void> {
  const useReq = options.inTransaction ?? Boolean(req.transactionID)
  const row = await req.payload.db.findOne({
    collection: usersSlugOf(req.payload),
    where: { id: { equals: id } },
    ...(useReq ? { req } : {}),
  })
  if (!row) throw new Error(`writeUserRow: user ${String(id)} does not exist.`)
  await req.payload.db.updateOne({
    collection: usersSlugOf(req.payload),
    id,
    data: { ...row, ...changes, updatedAt: null },
    ...(useReq ? { req } : {}),
    returning: false,
  })
}
