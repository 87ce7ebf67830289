import type { Field, FieldAccess } from 'payload'

import { MEMBERSHIP_ROLES } from '../../access/roles'
import { SECOND_FACTOR_POLICIES } from './signInPolicy'

const never: FieldAccess = () => false

/**
 * Secrets of a person's sign-in. Hidden from every API and from the admin, and not writable
 * through any API: only the sign-in code writes them (Local API, access overridden). The TOTP
 * secret is stored encrypted (see secretBox), recovery codes only as keyed hashes.
 */
const secret = (name: string, type: 'text' | 'json' | 'number'): Field =>
  ({
    name,
    type,
    hidden: true,
    access: { read: never, create: never, update: never },
  }) as Field

/** Fields the register adds to users for two-factor authentication and organisation accounts. */
export const userSignInFields: Field[] = [
  secret('totpSecret', 'text'),
  secret('totpRecoveryCodes', 'json'),
  secret('totpPendingSecret', 'text'),
  secret('totpPendingRecoveryCodes', 'json'),
  secret('totpLastTimeStep', 'number'),
  {
    name: 'oidcIdentities',
    type: 'array',
    hidden: true,
    access: { read: never, create: never, update: never },
    fields: [
      { name: 'key', type: 'text', index: true },
      { name: 'linkedAt', type: 'date' },
    ],
  },
  {
    name: 'totpEnabledAt',
    type: 'date',
    label: { nl: 'Tweestapsverificatie aan sinds', en: 'Two-factor authentication on since' },
    access: { create: never, update: never },
    admin: {
      readOnly: true,
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime' },
      description: {
        nl: 'Leeg: deze persoon logt in zonder tweede stap.',
        en: 'Empty: this person logs in without a second step.',
      },
    },
  },
]

/** Per organisation: how its people log in. */
export const organisationSignInFields: Field[] = [
  {
    name: 'signIn',
    type: 'group',
    label: { nl: 'Inloggen', en: 'Sign-in' },
    admin: {
      description: {
        nl: 'Hoe de mensen van deze organisatie inloggen. Strengere regels van het hele register gaan voor.',
        en: 'How the people of this organisation log in. Stricter register-wide rules come first.',
      },
    },
    fields: [
      {
        name: 'secondFactor',
        type: 'select',
        defaultValue: 'optional',
        label: { nl: 'Tweestapsverificatie', en: 'Two-factor authentication' },
        options: SECOND_FACTOR_POLICIES.map((p) => ({ value: p.value, label: p.label })),
      },
      {
        name: 'passwordLogin',
        type: 'checkbox',
        defaultValue: true,
        label: { nl: 'Inloggen met wachtwoord toestaan', en: 'Allow password login' },
        admin: {
          description: {
            nl: 'Uit: de mensen van deze organisatie loggen alleen in met hun organisatie-account.',
            en: 'Off: the people of this organisation log in only with their organisation account.',
          },
        },
      },
      {
        name: 'roleMapping',
        type: 'array',
        label: {
          nl: 'Rollen uit de organisatie-account',
          en: 'Roles from the organisation account',
        },
        labels: {
          singular: { nl: 'Koppeling', en: 'Mapping' },
          plural: { nl: 'Koppelingen', en: 'Mappings' },
        },
        admin: {
          description: {
            nl: 'Wie inlogt met een organisatie-account en deze waarde in de rollen-claim heeft, krijgt hier deze rol.',
            en: 'Whoever logs in with an organisation account that has this value in the role claim gets this role here.',
          },
        },
        fields: [
          {
            name: 'provider',
            type: 'text',
            required: true,
            label: { nl: 'Aanbieder (id)', en: 'Provider (id)' },
          },
          {
            name: 'claimValue',
            type: 'text',
            required: true,
            label: { nl: 'Waarde in de claim', en: 'Claim value' },
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
    ],
  },
]
