import type { CollectionAfterLogoutHook } from 'payload'

import type { User } from '../../payload-types'
import { recordSignInEvent } from './recordSignInEvent'

/** Logging out is part of the sign-in history, next to logging in. */
export const recordLogout: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as User | null
  if (!user) return
  await recordSignInEvent(req, user, {
    eventType: 'logout',
    summary: `${user.name ?? user.email} uitgelogd`,
  })
}
