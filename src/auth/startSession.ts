import { randomUUID } from 'node:crypto'

import { getFieldsToSign, jwtSign, type PayloadRequest } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import type { User } from '../../payload-types'
import { writeUserRow } from './writeUserRow'

/**
 * Signs someone in who proved who they are some other way than with a password (an organisation
 * account): a session on the user, as Payload's own login adds, and the same token and cookie.
 * Runs inside the request's transaction, so session writes are serialised per user
 * (serializeSessionWrites) and logout ends this session like any other.
 */
export async function startSession(
  req: PayloadRequest,
  user: User,
): Promise<{ token: string; cookie: string; exp: number }> {
  const collection = req.payload.collections.users?.config
  if (!collection) throw new Error('startSession: there is no users collection.')
  const tokenExpiration = collection.auth.tokenExpiration
  let sid: string | undefined
  if (collection.auth.useSessions) {
    sid = randomUUID()
    const now = new Date()
    const current = (
      (await req.payload.db.findOne({
        collection: collection.slug,
        where: { id: { equals: user.id } },
        req,
      })) as {
        sessions?: Array<{ id: string; createdAt?: string | null; expiresAt: string }>
      } | null
    )?.sessions
    const kept = (current ?? []).filter((s) => new Date(s.expiresAt).getTime() > now.getTime())
    await writeUserRow(req, user.id, {
      sessions: [
        ...kept,
        {
          id: sid,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + tokenExpiration * 1000).toISOString(),
        },
      ],
    })
  }
  const fieldsToSign = getFieldsToSign({
    collectionConfig: collection,
    email: user.email,
    sid,
    user: { ...user, collection: collection.slug } as PayloadRequest['user'],
  })
  const { token, exp } = await jwtSign({
    fieldsToSign,
    secret: req.payload.secret,
    tokenExpiration,
  })
  const cookie = generatePayloadCookie({
    collectionAuthConfig: collection.auth,
    cookiePrefix: req.payload.config.cookiePrefix,
    token,
  })
  return { token, cookie, exp }
}
