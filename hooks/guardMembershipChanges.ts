import type { FieldHook } from 'payload'

import { asAccessUser } from '../access/accessUser'
import { isPlatformAdmin } from '../access/isPlatformAdmin'
import { organisationIdsFor } from '../access/organisationIdsFor'
import { throwFieldErrors } from '../src/errors/throwFieldErrors'
import { usersSlugOf } from '../src/plugin/registerOptionsOf'

interface MembershipLike {
  organisation?: unknown
  role?: unknown
}

function organisationIdOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  if (value && typeof value === 'object' && 'id' in value) {
    return organisationIdOf((value as { id: unknown }).id)
  }
  return undefined
}

function keysOf(memberships: unknown): string[] {
  if (!Array.isArray(memberships)) return []
  return memberships.map(
    (m: MembershipLike) => `${organisationIdOf(m?.organisation)}:${String(m?.role)}`,
  )
}

/**
 * Memberships decide what a person may do, so changing them is guarded: organisation admins
 * change only the roles in organisations they administer, nobody changes their own roles
 * (no self-promotion), platform admins change anything. Internal calls that override access
 * (seeding, import) are trusted.
 */
export const guardMembershipChanges: FieldHook = ({
  value,
  previousValue,
  originalDoc,
  operation,
  overrideAccess,
  req,
}) => {
  const incoming = keysOf(value)
  const duplicates = incoming.filter((key, index) => incoming.indexOf(key) !== index)
  if (duplicates.length > 0) {
    throwFieldErrors(req, usersSlugOf(req.payload), [
      {
        path: 'memberships',
        message: {
          nl: 'Dezelfde rol staat twee keer bij dezelfde organisatie. Haal de dubbele rol weg.',
          en: 'The same role appears twice for the same organisation. Remove the duplicate.',
        },
      },
    ])
  }
  if (overrideAccess || value === undefined) return value
  const actor = asAccessUser(req.user)
  if (isPlatformAdmin(actor, req.payload)) return value

  const before = operation === 'create' ? [] : keysOf(previousValue)
  const added = incoming.filter((key) => !before.includes(key))
  const removed = before.filter((key) => !incoming.includes(key))
  if (added.length === 0 && removed.length === 0) return value

  if (actor && originalDoc && String(originalDoc.id) === String(actor.id)) {
    throwFieldErrors(req, usersSlugOf(req.payload), [
      {
        path: 'memberships',
        message: {
          nl: 'U kunt uw eigen rollen niet wijzigen. Vraag een andere beheerder of een platformbeheerder.',
          en: 'You cannot change your own roles. Ask another organisation admin or a platform admin.',
        },
      },
    ])
  }
  const administered = organisationIdsFor(actor, ['beheerder'])
  const outside = [...added, ...removed].filter(
    (key) => !administered.includes(Number(key.split(':')[0])),
  )
  if (outside.length > 0) {
    throwFieldErrors(req, usersSlugOf(req.payload), [
      {
        path: 'memberships',
        message: {
          nl: 'U kunt alleen rollen geven of afnemen in organisaties waarvan u beheerder bent.',
          en: 'You can only give or remove roles in organisations you administer.',
        },
      },
    ])
  }
  if (operation === 'create' && incoming.length === 0) {
    throwFieldErrors(req, usersSlugOf(req.payload), [
      {
        path: 'memberships',
        message: {
          nl: 'Geef deze persoon een rol in uw organisatie.',
          en: 'Give this person a role in your organisation.',
        },
      },
    ])
  }
  return value
}
