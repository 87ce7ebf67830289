import type { CollectionConfig } from 'payload'

import { membersOfOwningOrganisation } from '../../../access/membersOfOwningOrganisation'
import { nobody } from '../../../access/nobody'
import { DELIVERY_STATUSES } from '../deliveryStatus'

export const NATIONAL_DELIVERIES_SLUG = 'national-deliveries'

const readOnly = { readOnly: true }

/**
 * One row per algorithm that is (to be) delivered to the national Algoritmeregister: its
 * status with time and reason, the national LARS, which revision was delivered and released,
 * the retry schedule and the last drift check. Written only by the connector; members of the
 * organisation read it, platform admins see every organisation (the platform-wide overview).
 */
export const NationalDeliveries: CollectionConfig = {
  slug: NATIONAL_DELIVERIES_SLUG,
  labels: {
    singular: { nl: 'Aanlevering landelijk register', en: 'National register delivery' },
    plural: { nl: 'Aanleveringen landelijk register', en: 'National register deliveries' },
  },
  admin: {
    useAsTitle: 'algorithmName',
    defaultColumns: ['algorithmName', 'status', 'statusAt', 'nationalLars', 'reason'],
    group: { nl: 'Landelijk Algoritmeregister', en: 'National register' },
    description: {
      nl: 'Welke beschrijvingen in het landelijke Algoritmeregister staan, wat er in de wachtrij staat en wat er mis ging.',
      en: 'Which descriptions are in the national Algoritmeregister, what is queued and what went wrong.',
    },
  },
  defaultSort: '-statusAt',
  access: {
    read: membersOfOwningOrganisation('organisation'),
    create: nobody,
    update: nobody,
    delete: nobody,
    readVersions: nobody,
  },
  fields: [
    {
      name: 'algorithm',
      type: 'relationship',
      relationTo: 'algorithms',
      required: true,
      unique: true,
      index: true,
      label: { nl: 'Beschrijving', en: 'Description' },
      admin: readOnly,
    },
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      required: true,
      index: true,
      label: { nl: 'Organisatie', en: 'Organisation' },
      admin: readOnly,
    },
    {
      name: 'algorithmName',
      type: 'text',
      label: { nl: 'Naam', en: 'Name' },
      admin: readOnly,
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'niet_aangeleverd',
      options: DELIVERY_STATUSES.map((status) => ({ ...status })),
      label: { nl: 'Status', en: 'Status' },
      admin: readOnly,
    },
    {
      name: 'statusAt',
      type: 'date',
      label: { nl: 'Sinds', en: 'Since' },
      admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'reason',
      type: 'textarea',
      label: { nl: 'Toelichting', en: 'Explanation' },
      admin: readOnly,
    },
    {
      name: 'nationalLars',
      type: 'text',
      index: true,
      label: { nl: 'LARS in het landelijke register', en: 'National LARS' },
      admin: readOnly,
    },
    {
      name: 'wantedAction',
      type: 'select',
      options: [
        { value: 'publish', label: { nl: 'Publiceren', en: 'Publish' } },
        { value: 'retract', label: { nl: 'Intrekken', en: 'Retract' } },
      ],
      label: { nl: 'Opdracht', en: 'Task' },
      admin: readOnly,
    },
    {
      name: 'deliveredRevision',
      type: 'number',
      label: { nl: 'Aangeleverde versie', en: 'Delivered revision' },
      admin: readOnly,
    },
    {
      name: 'releasedRevision',
      type: 'number',
      label: { nl: 'Vrijgegeven versie', en: 'Released revision' },
      admin: readOnly,
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: { nl: 'Mislukte pogingen op rij', en: 'Failed attempts in a row' },
      admin: readOnly,
    },
    {
      name: 'nextAttemptAt',
      type: 'date',
      label: { nl: 'Volgende poging', en: 'Next attempt' },
      admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'driftCheckedAt',
      type: 'date',
      label: { nl: 'Laatst vergeleken', en: 'Last compared' },
      admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'driftFields',
      type: 'json',
      label: {
        nl: 'Afwijkingen in het landelijke register',
        en: 'Differences in the national register',
      },
      admin: readOnly,
    },
  ],
  timestamps: true,
}
