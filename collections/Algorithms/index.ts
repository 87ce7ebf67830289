import type { CollectionConfig, Field, PayloadRequest } from 'payload'

import { nobody } from '../../access/nobody'
import { createInOwnOrganisation } from '../../access/createInOwnOrganisation'
import { membersOfOwningOrganisation } from '../../access/membersOfOwningOrganisation'
import { memberOfDocumentOrganisation } from '../../access/memberOfDocumentOrganisation'
import { organisationIdsFor } from '../../access/organisationIdsFor'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { WRITER_ROLES } from '../../access/roles'
import { checkWriteInput } from '../../hooks/checkWriteInput'
import { prepareAlgorithmWrite } from '../../hooks/prepareAlgorithmWrite'
import { refuseUnsupportedQueries } from '../../hooks/refuseUnsupportedQueries'
import { recordAuditDeletion } from '../../hooks/recordAuditDeletion'
import { recordAuditEvent } from '../../hooks/recordAuditEvent'
import { refuseDirectWrite } from '../../hooks/refuseDirectWrite'
import { refuseUnsafeDeletion } from '../../hooks/refuseUnsafeDeletion'
import { validateHiddenFields } from '../../hooks/validateHiddenFields'
import { algorithmEndpoints } from '../../src/workflow/algorithmEndpoints'
import { previewLinkEndpoint } from '../../src/publicPages/previewLinkEndpoint'
import { interopEndpoints } from '../../src/interop/interopEndpoints'
import { WORKFLOW_STATES, STATE_LABELS } from '../../src/workflow/stateMachine'
import { isHttpUrl } from '../../src/standard/validators'
import { localise } from '../../src/i18n/localise'
import { plainTextValidator } from '../../src/standard/plainTextValidator'
import { withFieldNamedMessages } from '../../src/standard/withFieldNamedMessages'
import { addAdminAids } from '../../src/admin/config/addAdminAids'
import { ADMIN_COMPONENTS } from '../../src/plugin/adminComponents'
import { compareTabLabel } from '../../src/admin/compare/compareTabLabel'
import { standardField, validateLang } from './standardFields'

const HIGH_RISK = 'Hoog-risico AI-systeem'

/** Internal fields: readable and writable only inside the owning organisation. */
const internalAccess = {
  read: memberOfDocumentOrganisation('organization'),
  update: memberOfDocumentOrganisation('organization', WRITER_ROLES),
  create: memberOfDocumentOrganisation('organization', WRITER_ROLES),
}

const INTERNAL_TEXT_MAX = 5000

const internalText = (
  name: string,
  label: { nl: string; en: string },
  description: { nl: string; en: string },
  type: 'text' | 'textarea' = 'textarea',
): Field =>
  ({
    name,
    type,
    label,
    access: internalAccess,
    maxLength: INTERNAL_TEXT_MAX,
    // Never published, so a quoted address such as "Jan <jan@noorderhaaks.nl>" may stay.
    validate: plainTextValidator({ label, maxLength: INTERNAL_TEXT_MAX, allowMarkup: true }),
    admin: { description },
  }) as Field

/** Set by the system: shown as text in the sidebar, and not at all while still empty. */
const readOnlySystem = {
  readOnly: true,
  position: 'sidebar' as const,
  components: { Field: ADMIN_COMPONENTS.SystemValue },
}

const algorithms: CollectionConfig = {
  slug: 'algorithms',
  labels: {
    singular: { nl: 'Algoritme', en: 'Algorithm' },
    plural: { nl: 'Algoritmes', en: 'Algorithms' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'organization', 'publication_category', 'workflow.state', 'updatedAt'],
    listSearchableFields: ['name', 'description_short', 'lars'],
    // The list view reads only its columns, not every field and array of each description.
    enableListViewSelectAPI: true,
    group: { nl: 'Register', en: 'Register' },
    description: {
      nl: 'Beschrijvingen van algoritmes volgens de publicatiestandaard 1.0. Alleen goedgekeurde versies worden openbaar.',
      en: 'Descriptions of algorithms following publication standard 1.0. Only approved versions become public.',
    },
    components: {
      beforeList: [ADMIN_COMPONENTS.StartFromTemplate],
      views: {
        edit: {
          // The raw JSON is for developers: platform admins only.
          api: {
            tab: {
              label: ({ t }: { t: (key: string) => string }) =>
                t('general:cancel') === 'Cancel' ? 'Data (JSON)' : 'Gegevens (JSON)',
              condition: ({ req }) => isPlatformAdmin(req.user, req.payload),
            },
          },
          compare: {
            Component: ADMIN_COMPONENTS.CompareView,
            path: '/vergelijken',
            tab: { label: compareTabLabel, href: '/vergelijken', order: 100 },
          },
        },
      },
    },
  },
  // Field access on internal fields decides by the document's organisation: always read it.
  forceSelect: { organization: true },
  access: {
    read: membersOfOwningOrganisation('organization'),
    create: createInOwnOrganisation('organization', WRITER_ROLES),
    update: membersOfOwningOrganisation('organization', WRITER_ROLES),
    delete: membersOfOwningOrganisation('organization', ['beheerder']),
    readVersions: nobody,
  },
  hooks: {
    beforeOperation: [checkWriteInput, refuseUnsupportedQueries],
    beforeValidate: [validateHiddenFields],
    beforeChange: [prepareAlgorithmWrite],
    afterChange: [recordAuditEvent],
    beforeDelete: [refuseUnsafeDeletion],
    afterDelete: [recordAuditDeletion],
  },
  endpoints: [...algorithmEndpoints, ...interopEndpoints, previewLinkEndpoint],
  fields: addAdminAids([
    {
      type: 'tabs',
      tabs: [
        {
          // What is needed to start, on one screen; the rest follows in the order of the
          // national register's form.
          label: { nl: 'Beginnen', en: 'Start' },
          fields: [
            {
              name: 'startFromTemplate',
              type: 'ui',
              label: { nl: 'Begin met een voorbeeld', en: 'Start from a template' },
              admin: {
                disableListColumn: true,
                components: {
                  Field: {
                    path: ADMIN_COMPONENTS.StartFromTemplate,
                    clientProps: { placement: 'create' },
                  },
                },
              },
            },
            standardField('name'),
            standardField('description_short'),
            // Two choices side by side: the first tab fits a laptop screen (1366×768).
            {
              type: 'row',
              fields: [standardField('publication_category'), standardField('status')],
            },
          ],
        },
        {
          label: { nl: 'Algemene informatie', en: 'General information' },
          description: {
            nl: 'Wie erover gaat, sinds wanneer, en waar de lezer meer vindt.',
            en: 'Who is responsible, since when, and where readers find more.',
          },
          fields: [
            standardField('category'),
            {
              type: 'row',
              fields: [standardField('begin_date'), standardField('end_date')],
            },
            standardField('contact_email'),
            standardField('website'),
            standardField('url'),
            standardField('source_id'),
            standardField('tags'),
          ],
        },
        {
          label: { nl: 'Verantwoord gebruik', en: 'Responsible use' },
          description: {
            nl: 'Waarom het algoritme wordt gebruikt, op welke grond, en hoe risico’s worden beheerst.',
            en: 'Why the algorithm is used, on what basis, and how risks are managed.',
          },
          fields: [
            standardField('goal'),
            standardField('proportionality'),
            standardField('human_intervention'),
            standardField('risks'),
            standardField('lawful_basis'),
            standardField('lawful_basis_grouping'),
            standardField('process_index_url'),
            standardField('impacttoetsen_grouping'),
            standardField('impacttoetsen'),
          ],
        },
        {
          label: { nl: 'Werking', en: 'How it works' },
          description: {
            nl: 'Welke gegevens het algoritme gebruikt en hoe het werkt.',
            en: 'What data the algorithm uses and how it works.',
          },
          fields: [
            standardField('source_data'),
            standardField('source_data_grouping'),
            standardField('methods_and_models'),
            standardField('provider'),
            standardField('publiccode'),
          ],
        },
        {
          label: { nl: 'EU AI-verordening', en: 'EU AI Act' },
          description: {
            nl: 'Alleen voor hoog-risico AI-systemen: wat de AI-verordening van u als gebruiksverantwoordelijke vraagt.',
            en: 'Only for high-risk AI systems: what the AI Act asks of you as deployer.',
          },
          fields: [
            {
              name: 'eu_database_url',
              type: 'text',
              label: {
                nl: 'Link naar de registratie in de EU-databank',
                en: 'Link to the EU database entry',
              },
              admin: {
                condition: (data) => data?.publication_category === HIGH_RISK,
                placeholder: 'https://',
                description: {
                  nl: 'De pagina van de aanbieder van dit AI-systeem in de EU-databank voor hoog-risico AI-systemen.',
                  en: 'The provider’s page for this AI system in the EU database for high-risk AI systems.',
                },
              },
              validate: (value: unknown, { req }: { req: PayloadRequest }) => {
                if (value === undefined || value === null || value === '') return true
                if (typeof value === 'string' && isHttpUrl(value)) return true
                return localise(req, {
                  nl: 'Link naar de registratie in de EU-databank is geen geldige link. Begin met https://',
                  en: 'Link to the EU database entry is not a valid link. Start with https://',
                })
              },
            },
            {
              name: 'fria_summary',
              type: 'textarea',
              maxLength: 2500,
              validate: plainTextValidator({
                label: {
                  nl: 'Samenvatting grondrechteneffectbeoordeling (FRIA)',
                  en: 'Summary of the fundamental rights impact assessment (FRIA)',
                },
                maxLength: 2500,
              }),
              label: {
                nl: 'Samenvatting grondrechteneffectbeoordeling (FRIA)',
                en: 'Summary of the fundamental rights impact assessment (FRIA)',
              },
              admin: {
                condition: (data) => data?.publication_category === HIGH_RISK,
                description: {
                  nl: 'Wat de beoordeling van de gevolgen voor grondrechten opleverde, in een paar zinnen.',
                  en: 'What the fundamental rights impact assessment found, in a few sentences.',
                },
              },
            },
            {
              name: 'dpia_summary',
              type: 'textarea',
              maxLength: 2500,
              validate: plainTextValidator({
                label: {
                  nl: 'Samenvatting gegevensbeschermingseffectbeoordeling (DPIA)',
                  en: 'Summary of the data protection impact assessment (DPIA)',
                },
                maxLength: 2500,
              }),
              label: {
                nl: 'Samenvatting gegevensbeschermingseffectbeoordeling (DPIA)',
                en: 'Summary of the data protection impact assessment (DPIA)',
              },
              admin: {
                condition: (data) => data?.publication_category === HIGH_RISK,
                description: {
                  nl: 'Wat de DPIA opleverde, in een paar zinnen.',
                  en: 'What the DPIA found, in a few sentences.',
                },
              },
            },
          ],
        },
        {
          label: { nl: 'Intern', en: 'Internal' },
          description: {
            nl: 'Alleen zichtbaar voor uw eigen organisatie. Deze velden worden nooit gepubliceerd.',
            en: 'Only visible to your own organisation. These fields are never published.',
          },
          fields: [
            internalText(
              'internal_notes',
              { nl: 'Interne notities', en: 'Internal notes' },
              {
                nl: 'Aantekeningen voor collega’s. Komen nooit in het openbare register.',
                en: 'Notes for colleagues. Never published.',
              },
            ),
            internalText(
              'internal_owner',
              { nl: 'Eigenaar binnen de organisatie', en: 'Owner within the organisation' },
              {
                nl: 'Wie binnen uw organisatie verantwoordelijk is voor dit algoritme.',
                en: 'Who in your organisation is responsible for this algorithm.',
              },
              'text',
            ),
            internalText(
              'internal_contact',
              { nl: 'Interne contactpersoon', en: 'Internal contact' },
              {
                nl: 'Naam en e-mail van wie vragen van collega’s beantwoordt.',
                en: 'Name and email of who answers colleagues’ questions.',
              },
              'text',
            ),
            internalText(
              'publication_category_rationale',
              { nl: 'Waarom deze publicatiecategorie', en: 'Why this publication category' },
              {
                nl: 'Leg uit waarom u voor deze publicatiecategorie koos. Handig bij een latere controle.',
                en: 'Explain why you chose this publication category. Useful for a later audit.',
              },
            ),
          ],
        },
      ],
    },
    {
      name: 'workflowPanel',
      type: 'ui',
      label: { nl: 'Publicatiestatus', en: 'Publication state' },
      admin: {
        disableListColumn: true,
        position: 'sidebar',
        components: { Field: ADMIN_COMPONENTS.WorkflowPanel },
      },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organisations',
      required: true,
      index: true,
      label: { nl: 'Organisatie', en: 'Organisation' },
      hooks: { beforeValidate: [refuseDirectWrite('organization', { onceSet: true })] },
      filterOptions: ({ user, req }) => {
        // No user: trusted server code (jobs, import); API requests without a user are
        // already refused by the collection's create and update access.
        if (!user || isPlatformAdmin(user, req.payload)) return true
        return { id: { in: organisationIdsFor(user, WRITER_ROLES) } }
      },
      admin: {
        position: 'sidebar',
        // Most editors write for one organisation: the admin fills it in for them (the API
        // still asks for it).
        components: { afterInput: [ADMIN_COMPONENTS.PrefillOrganisation] },
        description: {
          nl: 'De organisatie die het algoritme gebruikt. Dit kunt u na het aanmaken niet meer veranderen.',
          en: 'The organisation that uses the algorithm. You cannot change this after creating it.',
        },
      },
    },
    {
      name: 'lars',
      type: 'text',
      unique: true,
      index: true,
      label: { nl: 'Algoritme-ID', en: 'Algorithm ID' },
      hooks: { beforeValidate: [refuseDirectWrite('lars')] },
      admin: readOnlySystem,
    },
    {
      name: 'standard_version',
      type: 'text',
      label: { nl: 'Versie publicatiestandaard', en: 'Publication standard version' },
      hooks: { beforeValidate: [refuseDirectWrite('standard_version')] },
      admin: readOnlySystem,
    },
    {
      name: 'lang',
      type: 'text',
      defaultValue: 'nld',
      label: { nl: 'Taal', en: 'Language' },
      validate: validateLang,
      // The standard knows one language (nld) today: nothing to choose.
      admin: readOnlySystem,
    },
    {
      name: 'publication_dt',
      type: 'text',
      label: { nl: 'Eerst gepubliceerd op', en: 'First published on' },
      hooks: { beforeValidate: [refuseDirectWrite('publication_dt')] },
      admin: readOnlySystem,
    },
    {
      name: 'basedOn',
      type: 'group',
      label: { nl: 'Gebaseerd op', en: 'Based on' },
      hooks: { beforeValidate: [refuseDirectWrite('basedOn')] },
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => Boolean(data?.basedOn?.lars),
        description: {
          nl: 'Deze beschrijving begon als kopie van een gepubliceerde beschrijving van een andere organisatie.',
          en: 'This description started as a copy of another organisation’s published description.',
        },
      },
      fields: [
        { name: 'lars', type: 'text', label: { nl: 'Algoritme-ID', en: 'Algorithm ID' } },
        {
          name: 'organisationName',
          type: 'text',
          label: { nl: 'Organisatie', en: 'Organisation' },
        },
        { name: 'revisionNumber', type: 'number', label: { nl: 'Versie', en: 'Revision' } },
      ],
    },
    {
      name: 'workflow',
      type: 'group',
      label: { nl: 'Publicatie', en: 'Publication' },
      hooks: { beforeValidate: [refuseDirectWrite('workflow')] },
      admin: {
        position: 'sidebar',
        readOnly: true,
        // The workflow panel at the top of the sidebar shows these values.
        components: { Field: ADMIN_COMPONENTS.ShownInPanel },
      },
      fields: [
        {
          name: 'state',
          type: 'select',
          defaultValue: 'concept',
          index: true,
          label: { nl: 'Publicatiestatus', en: 'Workflow state' },
          options: WORKFLOW_STATES.map((state) => ({
            value: state,
            label: { ...STATE_LABELS[state] },
          })),
        },
        {
          name: 'transitionCount',
          type: 'number',
          defaultValue: 0,
          label: { nl: 'Aantal stappen', en: 'Number of steps' },
          admin: { hidden: true },
        },
        {
          name: 'submittedById',
          type: 'number',
          label: { nl: 'Ingediend door (nummer)', en: 'Submitted by (id)' },
          admin: { hidden: true },
        },
        {
          name: 'submittedByName',
          type: 'text',
          label: { nl: 'Ingediend door', en: 'Submitted by' },
        },
        { name: 'submittedAt', type: 'date', label: { nl: 'Ingediend op', en: 'Submitted at' } },
        {
          name: 'versionEditors',
          type: 'json',
          label: { nl: 'Bewerkers van deze versie', en: 'Editors of this version' },
          admin: { hidden: true },
        },
        {
          name: 'changeSummary',
          type: 'textarea',
          label: { nl: 'Wat is er veranderd', en: 'What changed' },
        },
        {
          name: 'lastComment',
          type: 'textarea',
          label: { nl: 'Laatste opmerking', en: 'Last comment' },
        },
        {
          name: 'publicRevision',
          type: 'relationship',
          relationTo: 'revisions',
          label: { nl: 'Openbare versie', en: 'Public revision' },
        },
        {
          name: 'publishedRevisionCount',
          type: 'number',
          defaultValue: 0,
          label: { nl: 'Aantal openbare versies', en: 'Number of public revisions' },
          admin: { hidden: true },
        },
        { name: 'publicSince', type: 'date', label: { nl: 'Openbaar sinds', en: 'Public since' } },
        {
          name: 'reviewDueAt',
          type: 'date',
          index: true,
          label: { nl: 'Herzien vóór', en: 'Review due' },
        },
        {
          name: 'reviewOverdue',
          type: 'checkbox',
          defaultValue: false,
          index: true,
          label: { nl: 'Herziening te laat', en: 'Review overdue' },
        },
        {
          name: 'reviewReminderSentFor',
          type: 'date',
          label: { nl: 'Herinnering verstuurd voor', en: 'Reminder sent for' },
          admin: { hidden: true },
        },
      ],
    },
  ]),
}

/**
 * Algorithm descriptions following publication standard 1.0, plus internal and EU AI Act fields.
 * Every field's refusal names the field, also where Payload's own message would not.
 */
export const Algorithms: CollectionConfig = {
  ...algorithms,
  fields: withFieldNamedMessages(algorithms.fields),
}
