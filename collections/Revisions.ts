import type { CollectionConfig } from 'payload'

import { membersOfOwningOrganisation } from '../access/membersOfOwningOrganisation'
import { nobody } from '../access/nobody'
import { refuseUnsupportedQueries } from '../hooks/refuseUnsupportedQueries'

/**
 * Every approval freezes the public fields of an algorithm into a revision. Revisions are
 * immutable: no API may change or delete them and the database refuses UPDATE and DELETE on
 * the table (see the migration). The public API's history and diffs are built from them.
 */
export const Revisions: CollectionConfig = {
  slug: 'revisions',
  labels: {
    singular: { nl: 'Gepubliceerde versie', en: 'Published revision' },
    plural: { nl: 'Gepubliceerde versies', en: 'Published revisions' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'revisionNumber', 'approvedByName', 'approvedAt'],
    group: { nl: 'Verantwoording', en: 'Accountability' },
    description: {
      nl: 'Elke goedgekeurde versie wordt hier vastgelegd en kan niet meer veranderen.',
      en: 'Every approved version is recorded here and can never change.',
    },
  },
  defaultSort: '-approvedAt',
  access: {
    read: membersOfOwningOrganisation('organisationId'),
    create: nobody,
    update: nobody,
    delete: nobody,
    readVersions: nobody,
  },
  hooks: { beforeOperation: [refuseUnsupportedQueries] },
  indexes: [{ fields: ['algorithm', 'revisionNumber'], unique: true }],
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      label: { nl: 'Titel', en: 'Title' },
      admin: { readOnly: true },
    },
    {
      name: 'algorithm',
      type: 'relationship',
      relationTo: 'algorithms',
      required: true,
      index: true,
      label: { nl: 'Algoritme', en: 'Algorithm' },
      admin: { readOnly: true },
    },
    {
      name: 'organisationId',
      type: 'number',
      required: true,
      index: true,
      label: { nl: 'Organisatie (nummer)', en: 'Organisation (id)' },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'lars',
      type: 'text',
      required: true,
      index: true,
      label: { nl: 'Algoritme-ID', en: 'Algorithm ID' },
      admin: { readOnly: true },
    },
    {
      name: 'revisionNumber',
      type: 'number',
      required: true,
      label: { nl: 'Versienummer', en: 'Revision number' },
      admin: { readOnly: true },
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'approval',
      options: [
        { value: 'approval', label: { nl: 'Goedgekeurd', en: 'Approved' } },
        { value: 'import', label: { nl: 'Geïmporteerd', en: 'Imported' } },
      ],
      label: { nl: 'Herkomst', en: 'Source' },
      admin: { readOnly: true },
    },
    {
      name: 'standardVersion',
      type: 'text',
      required: true,
      label: { nl: 'Standaardversie', en: 'Standard version' },
      admin: { readOnly: true },
    },
    {
      name: 'snapshot',
      type: 'json',
      required: true,
      label: { nl: 'Gepubliceerde inhoud', en: 'Published content' },
      admin: { readOnly: true },
    },
    {
      name: 'changeSummary',
      type: 'textarea',
      label: { nl: 'Wat is er veranderd en waarom', en: 'What changed and why' },
      admin: { readOnly: true },
    },
    {
      name: 'diff',
      type: 'json',
      label: { nl: 'Verschil met vorige versie', en: 'Difference with previous revision' },
      admin: { readOnly: true },
    },
    {
      name: 'contentHash',
      type: 'text',
      required: true,
      label: { nl: 'Inhoudshash', en: 'Content hash' },
      admin: { readOnly: true },
    },
    {
      name: 'submittedById',
      type: 'number',
      label: { nl: 'Ingediend door (nummer)', en: 'Submitted by (id)' },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'submittedByName',
      type: 'text',
      label: { nl: 'Ingediend door', en: 'Submitted by' },
      admin: { readOnly: true },
    },
    {
      name: 'submittedAt',
      type: 'date',
      label: { nl: 'Ingediend op', en: 'Submitted at' },
      admin: { readOnly: true },
    },
    {
      name: 'approvedById',
      type: 'number',
      label: { nl: 'Goedgekeurd door (nummer)', en: 'Approved by (id)' },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'approvedByName',
      type: 'text',
      label: { nl: 'Goedgekeurd door', en: 'Approved by' },
      admin: { readOnly: true },
    },
    {
      name: 'approvedAt',
      type: 'date',
      required: true,
      index: true,
      label: { nl: 'Goedgekeurd op', en: 'Approved at' },
      admin: { readOnly: true },
    },
  ],
}
