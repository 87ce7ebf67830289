import type { CollectionConfig } from 'payload'

import { auditEventsVisibleTo } from '../access/auditEventsVisibleTo'
import { nobody } from '../access/nobody'
import { chainAuditEvent } from '../hooks/chainAuditEvent'
import { refuseUnsupportedQueries } from '../hooks/refuseUnsupportedQueries'
import { auditExportEndpoint } from '../src/audit/auditExportEndpoint'
import { ADMIN_COMPONENTS } from '../src/plugin/adminComponents'

/** Kinds of things the audit history records. */
export const AUDIT_EVENT_TYPES = [
  { value: 'create', label: { nl: 'Aangemaakt', en: 'Created' } },
  { value: 'update', label: { nl: 'Gewijzigd', en: 'Updated' } },
  { value: 'delete', label: { nl: 'Verwijderd', en: 'Deleted' } },
  { value: 'transition', label: { nl: 'Stap in het publicatieproces', en: 'Workflow step' } },
  { value: 'restore', label: { nl: 'Oude versie teruggezet', en: 'Revision restored' } },
  { value: 'import', label: { nl: 'Geïmporteerd', en: 'Imported' } },
  { value: 'template', label: { nl: 'Begonnen met een voorbeeld', en: 'Started from template' } },
  { value: 'membership', label: { nl: 'Rollen gewijzigd', en: 'Roles changed' } },
  { value: 'login_success', label: { nl: 'Ingelogd', en: 'Logged in' } },
  { value: 'login_failure', label: { nl: 'Mislukte inlogpoging', en: 'Failed login' } },
  { value: 'export', label: { nl: 'Geschiedenis geëxporteerd', en: 'History exported' } },
  {
    value: 'national_delivery',
    label: { nl: 'Landelijk Algoritmeregister', en: 'National register' },
  },
  // Sign-in (src/auth): logging out, second-factor changes, linked organisation accounts, sessions ended.
  { value: 'logout', label: { nl: 'Uitgelogd', en: 'Logged out' } },
  {
    value: 'second_factor',
    label: { nl: 'Tweestapsverificatie gewijzigd', en: 'Two-factor authentication changed' },
  },
  {
    value: 'account_link',
    label: { nl: 'Organisatie-account gekoppeld', en: 'Organisation account linked' },
  },
  { value: 'sessions_ended', label: { nl: 'Sessies beëindigd', en: 'Sessions ended' } },
] as const

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number]['value']

/**
 * The audit history: append-only and hash-chained. Nobody writes here through an API; hooks
 * add events inside the transaction of the change they record, and the database refuses
 * UPDATE, DELETE and TRUNCATE on the table (see the migration).
 *
 * Actor and organisation are plain ids with a name snapshot rather than relationships: a
 * foreign key would make deleting a user rewrite history (ON DELETE SET NULL), which the
 * database trigger rightly refuses.
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  labels: {
    singular: { nl: 'Gebeurtenis', en: 'Audit event' },
    plural: { nl: 'Geschiedenis', en: 'Audit history' },
  },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['occurredAt', 'eventType', 'actorName', 'targetLabel', 'summary'],
    group: { nl: 'Verantwoording', en: 'Accountability' },
    description: {
      nl: 'Wie wat wanneer heeft gedaan. Niemand kan deze geschiedenis wijzigen of wissen.',
      en: 'Who did what, and when. Nobody can change or erase this history.',
    },
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-sequence',
  access: {
    read: auditEventsVisibleTo,
    create: nobody,
    update: nobody,
    delete: nobody,
    readVersions: nobody,
  },
  hooks: {
    beforeOperation: [refuseUnsupportedQueries],
    beforeChange: [chainAuditEvent],
  },
  endpoints: [auditExportEndpoint],
  timestamps: true,
  fields: [
    {
      name: 'sequence',
      type: 'number',
      required: true,
      unique: true,
      index: true,
      label: { nl: 'Volgnummer', en: 'Sequence' },
      admin: { readOnly: true },
    },
    {
      name: 'eventType',
      type: 'select',
      required: true,
      index: true,
      label: { nl: 'Soort', en: 'Type' },
      options: AUDIT_EVENT_TYPES.map((t) => ({ value: t.value, label: t.label })),
      admin: { readOnly: true },
    },
    {
      name: 'summary',
      type: 'text',
      label: { nl: 'Samenvatting', en: 'Summary' },
      admin: { readOnly: true },
    },
    {
      name: 'occurredAt',
      type: 'date',
      required: true,
      index: true,
      label: { nl: 'Tijdstip', en: 'Time' },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'actorId',
      type: 'number',
      index: true,
      label: { nl: 'Gebruiker (id)', en: 'User (id)' },
      admin: { readOnly: true },
    },
    {
      name: 'actorName',
      type: 'text',
      label: { nl: 'Gebruiker', en: 'User' },
      admin: { readOnly: true, components: { Cell: ADMIN_COMPONENTS.ActorCell } },
    },
    {
      name: 'actorRole',
      type: 'text',
      label: { nl: 'Rol', en: 'Role' },
      admin: { readOnly: true },
    },
    {
      name: 'organisationId',
      type: 'number',
      index: true,
      label: { nl: 'Organisatie (id)', en: 'Organisation (id)' },
      admin: { readOnly: true },
    },
    {
      name: 'targetCollection',
      type: 'text',
      index: true,
      label: { nl: 'Onderdeel', en: 'Collection' },
      admin: { readOnly: true },
    },
    {
      name: 'targetId',
      type: 'text',
      index: true,
      label: { nl: 'Id', en: 'Id' },
      admin: { readOnly: true },
    },
    {
      name: 'targetLabel',
      type: 'text',
      label: { nl: 'Over', en: 'About' },
      admin: { readOnly: true },
    },
    {
      name: 'changes',
      type: 'json',
      label: { nl: 'Wijzigingen', en: 'Changes' },
      admin: { readOnly: true },
    },
    {
      name: 'comment',
      type: 'textarea',
      label: { nl: 'Toelichting', en: 'Comment' },
      admin: { readOnly: true },
    },
    {
      name: 'details',
      type: 'json',
      label: { nl: 'Details', en: 'Details' },
      admin: { readOnly: true },
    },
    {
      name: 'requestId',
      type: 'text',
      index: true,
      label: { nl: 'Verzoek-id', en: 'Request id' },
      admin: { readOnly: true },
    },
    {
      name: 'previousHash',
      type: 'text',
      required: true,
      label: { nl: 'Vorige hash', en: 'Previous hash' },
      admin: { readOnly: true },
    },
    {
      name: 'hash',
      type: 'text',
      required: true,
      unique: true,
      label: { nl: 'Hash', en: 'Hash' },
      admin: { readOnly: true },
    },
  ],
}
