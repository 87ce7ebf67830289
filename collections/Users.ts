import type { CollectionConfig } from 'payload'

import { nobody } from '../access/nobody'
import { isPlatformAdmin } from '../access/isPlatformAdmin'
import { platformAdminOnly } from '../access/platformAdminOnly'
import { MEMBERSHIP_ROLES } from '../access/roles'
import { usersAdminCanCreate } from '../access/usersAdminCanCreate'
import { usersVisibleTo } from '../access/usersVisibleTo'
import { usersEditableBy } from '../access/usersEditableBy'
import { canUseAdmin } from '../access/canUseAdmin'
import { checkWriteInput } from '../hooks/checkWriteInput'
import { guardMembershipChanges } from '../hooks/guardMembershipChanges'
import { refusePlatformAdminChange } from '../hooks/refusePlatformAdminChange'
import { refuseUnsupportedQueries } from '../hooks/refuseUnsupportedQueries'
import { recordAuditEvent } from '../hooks/recordAuditEvent'
import { recordAuditDeletion } from '../hooks/recordAuditDeletion'
import { recordLoginSuccess } from '../hooks/recordLoginSuccess'

/** Failed logins before an account is locked, and for how long. */
export const LOGIN_LOCKOUT = { maxLoginAttempts: 5, lockTimeMs: 15 * 60 * 1000 } as const

/** People who work in the register: editors, reviewers, admins and auditors. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { nl: 'Gebruiker', en: 'User' },
    plural: { nl: 'Gebruikers', en: 'Users' },
  },
  auth: {
    depth: 0,
    maxLoginAttempts: LOGIN_LOCKOUT.maxLoginAttempts,
    lockTime: LOGIN_LOCKOUT.lockTimeMs,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: (process.env.SERVER_URL ?? '').startsWith('https://') },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'isPlatformAdmin'],
    group: { nl: 'Beheer', en: 'Administration' },
    description: {
      nl: 'Iedereen die in het register werkt. Geef mensen per organisatie een rol.',
      en: 'Everyone who works in the register. Give people a role per organisation.',
    },
  },
  access: {
    admin: canUseAdmin,
    read: usersVisibleTo,
    create: usersAdminCanCreate,
    update: usersEditableBy,
    delete: platformAdminOnly,
    unlock: usersEditableBy,
    readVersions: nobody,
  },
  hooks: {
    beforeOperation: [checkWriteInput, refuseUnsupportedQueries],
    afterChange: [recordAuditEvent],
    afterDelete: [recordAuditDeletion],
    afterLogin: [recordLoginSuccess],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 100,
      label: { nl: 'Naam', en: 'Name' },
    },
    {
      name: 'memberships',
      type: 'array',
      label: { nl: 'Rollen per organisatie', en: 'Roles per organisation' },
      labels: {
        singular: { nl: 'Rol', en: 'Role' },
        plural: { nl: 'Rollen', en: 'Roles' },
      },
      hooks: { beforeValidate: [guardMembershipChanges] },
      admin: {
        description: {
          nl: 'Iemand kan in meerdere organisaties werken, met per organisatie een eigen rol.',
          en: 'A person can work in several organisations, with a role in each.',
        },
      },
      fields: [
        {
          name: 'organisation',
          type: 'relationship',
          relationTo: 'organisations',
          required: true,
          label: { nl: 'Organisatie', en: 'Organisation' },
        },
        {
          name: 'role',
          type: 'select',
          required: true,
          label: { nl: 'Rol', en: 'Role' },
          options: MEMBERSHIP_ROLES.map((role) => ({ value: role.value, label: role.label })),
        },
      ],
    },
    {
      name: 'isPlatformAdmin',
      type: 'checkbox',
      defaultValue: false,
      label: { nl: 'Platformbeheerder', en: 'Platform admin' },
      hooks: { beforeValidate: [refusePlatformAdminChange] },
      access: {
        create: ({ req }) => isPlatformAdmin(req.user, req.payload),
        update: ({ req }) => isPlatformAdmin(req.user, req.payload),
      },
      admin: {
        position: 'sidebar',
        description: {
          nl: 'Beheert het hele register voor alle organisaties. Alleen een platformbeheerder kan dit aanzetten.',
          en: 'Runs the whole register for all organisations. Only a platform admin can turn this on.',
        },
      },
    },
  ],
}
