import type { CollectionConfig, FieldAccess, FieldHook } from 'payload'

import { createInOwnOrganisation } from '../../../access/createInOwnOrganisation'
import { membersOfOwningOrganisation } from '../../../access/membersOfOwningOrganisation'
import { nobody } from '../../../access/nobody'
import { encryptConnectionCredentials } from '../hooks/encryptConnectionCredentials'
import { recordConnectionChange } from '../hooks/recordConnectionChange'
import { validateConnection } from '../hooks/validateConnection'

export const NATIONAL_CONNECTIONS_SLUG = 'national-register-connections'

/** The encrypted value is read by nobody through any API (the connector reads it directly). */
const writeOnly: FieldAccess = () => false

/**
 * Login fields are write-only: whatever is stored (always nothing, see
 * encryptConnectionCredentials) reads back as empty through every API. Their read access stays
 * open so that the admin still shows the input.
 */
const neverShown: FieldHook = () => null

const secretDescription = {
  nl: 'Wordt versleuteld opgeslagen en nooit meer getoond. Laat leeg om de opgeslagen waarde te houden.',
  en: 'Stored encrypted and never shown again. Leave empty to keep the stored value.',
}

/**
 * How one organisation delivers to the national Algoritmeregister: whether it does, its code
 * there, and the Keycloak login the connector uses. Organisation admins (beheerders) and
 * platform admins manage it. The login fields are write-only: a hook encrypts them into
 * `credentials` (AES-256-GCM, key derived from PAYLOAD_SECRET) and stores them nowhere else.
 */
export const NationalConnections: CollectionConfig = {
  slug: NATIONAL_CONNECTIONS_SLUG,
  labels: {
    singular: { nl: 'Koppeling landelijk register', en: 'National register connection' },
    plural: { nl: 'Koppelingen landelijk register', en: 'National register connections' },
  },
  admin: {
    useAsTitle: 'organisationCode',
    defaultColumns: ['organisation', 'delivers', 'organisationCode', 'credentialsSet'],
    group: { nl: 'Landelijk Algoritmeregister', en: 'National register' },
    description: {
      nl: 'Per organisatie: of goedgekeurde beschrijvingen ook naar het landelijke Algoritmeregister gaan, en met welke inloggegevens.',
      en: 'Per organisation: whether approved descriptions are also delivered to the national Algoritmeregister, and with which login.',
    },
  },
  access: {
    read: membersOfOwningOrganisation('organisation', ['beheerder']),
    create: createInOwnOrganisation('organisation', ['beheerder']),
    update: membersOfOwningOrganisation('organisation', ['beheerder']),
    delete: membersOfOwningOrganisation('organisation', ['beheerder']),
    readVersions: nobody,
  },
  hooks: {
    beforeValidate: [validateConnection],
    beforeChange: [encryptConnectionCredentials],
    afterChange: [recordConnectionChange],
  },
  fields: [
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      required: true,
      unique: true,
      index: true,
      label: { nl: 'Organisatie', en: 'Organisation' },
    },
    {
      name: 'delivers',
      type: 'checkbox',
      defaultValue: false,
      label: {
        nl: 'Aanleveren aan het landelijke Algoritmeregister',
        en: 'Deliver to the national Algoritmeregister',
      },
    },
    {
      name: 'organisationCode',
      type: 'text',
      maxLength: 20,
      label: { nl: 'Organisatiecode in het landelijke register', en: 'Organisation code there' },
      admin: {
        description: {
          nl: 'De code waaronder uw organisatie in het landelijke register staat, bijvoorbeeld gm0363.',
          en: 'The code of your organisation in the national register, for example gm0363.',
        },
      },
    },
    {
      name: 'tokenUrl',
      type: 'text',
      maxLength: 500,
      hooks: { afterRead: [neverShown] },
      label: { nl: 'Adres van de tokendienst (Keycloak)', en: 'Token endpoint (Keycloak)' },
      admin: {
        description: {
          nl: 'Leeg: het standaardadres van dit register (NATIONAL_REGISTER_TOKEN_URL). Wordt nooit meer getoond.',
          en: "Empty: this register's default (NATIONAL_REGISTER_TOKEN_URL). Never shown again.",
        },
      },
    },
    {
      name: 'clientId',
      type: 'text',
      maxLength: 200,
      hooks: { afterRead: [neverShown] },
      label: { nl: 'Client-ID', en: 'Client ID' },
      admin: { description: secretDescription },
    },
    {
      name: 'username',
      type: 'text',
      maxLength: 200,
      hooks: { afterRead: [neverShown] },
      label: { nl: 'Gebruikersnaam', en: 'User name' },
      admin: { description: secretDescription },
    },
    {
      name: 'password',
      type: 'text',
      maxLength: 500,
      hooks: { afterRead: [neverShown] },
      label: { nl: 'Wachtwoord', en: 'Password' },
      admin: { description: secretDescription },
    },
    {
      name: 'credentialsSet',
      type: 'checkbox',
      defaultValue: false,
      access: { create: nobodyField, update: nobodyField },
      label: { nl: 'Inloggegevens ingesteld', en: 'Credentials set' },
      admin: { readOnly: true },
    },
    {
      name: 'credentials',
      type: 'text',
      access: { read: writeOnly, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
    {
      name: 'blockedReason',
      type: 'textarea',
      access: { create: nobodyField, update: nobodyField },
      label: { nl: 'Aanleveren gestopt', en: 'Delivery stopped' },
      admin: {
        readOnly: true,
        description: {
          nl: 'Gevuld als inloggen bij het landelijke register mislukt. Sla nieuwe inloggegevens op om weer aan te leveren.',
          en: 'Filled when logging in to the national register fails. Save new credentials to deliver again.',
        },
      },
    },
    {
      name: 'blockedAt',
      type: 'date',
      access: { create: nobodyField, update: nobodyField },
      label: { nl: 'Gestopt op', en: 'Stopped at' },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}

function nobodyField(): boolean {
  return false
}
