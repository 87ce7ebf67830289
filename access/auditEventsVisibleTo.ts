import type { Access, Where } from 'payload'

import { isPlatformAdmin } from './isPlatformAdmin'
import { organisationIdsFor } from './organisationIdsFor'
import { HISTORY_ROLES, WRITER_ROLES } from './roles'

/**
 * Organisation admins and auditors read their organisation's whole history; editors and
 * reviewers read the history of their organisation's algorithms (who changed what, including
 * other people's edits, because they work on the same texts), but not logins or role changes.
 * Platform admins read everything.
 */
export const auditEventsVisibleTo: Access = ({ req }) => {
  if (isPlatformAdmin(req.user, req.payload)) return true
  const full = organisationIdsFor(req.user, HISTORY_ROLES)
  const algorithmsOnly = organisationIdsFor(req.user, WRITER_ROLES).filter(
    (id) => !full.includes(id),
  )
  const scopes: Where[] = []
  if (full.length > 0) scopes.push({ organisationId: { in: full } })
  if (algorithmsOnly.length > 0) {
    scopes.push({
      and: [
        { organisationId: { in: algorithmsOnly } },
        { targetCollection: { equals: 'algorithms' } },
      ],
    })
  }
  if (scopes.length === 0) return false
  return scopes.length === 1 ? scopes[0] : { or: scopes }
}
