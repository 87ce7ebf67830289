import type { CollectionConfig, PayloadRequest } from 'payload'

import { nobody } from '../access/nobody'
import { isPlatformAdmin } from '../access/isPlatformAdmin'
import { membersOfOwningOrganisation } from '../access/membersOfOwningOrganisation'
import { platformAdminOnly } from '../access/platformAdminOnly'
import { recordAuditEvent } from '../hooks/recordAuditEvent'
import { syncPublicOrganisation } from '../hooks/syncPublicOrganisation'
import { recordAuditDeletion } from '../hooks/recordAuditDeletion'
import { checkWriteInput } from '../hooks/checkWriteInput'
import { validateOrganisationCode } from '../hooks/validateOrganisationCode'
import { localise } from '../src/i18n/localise'
import { isHttpUrl } from '../src/standard/validators'
import { plainTextProblem, plainTextValidator } from '../src/standard/plainTextValidator'
import { withFieldNamedMessages } from '../src/standard/withFieldNamedMessages'
import { refuseCodeChange } from '../hooks/refuseCodeChange'
import { refuseUnsupportedQueries } from '../hooks/refuseUnsupportedQueries'
import { normalisePostalCode } from '../hooks/normalisePostalCode'
import { ORGANISATION_TYPES } from '../src/organisations/organisationTypes'
import { registerOptionsOf } from '../src/plugin/registerOptionsOf'
import { ADMIN_COMPONENTS } from '../src/plugin/adminComponents'
import { THEME_FONTS, themeColourProblem } from '../src/publicPages/pageTheme'

const DUTCH_POSTAL_CODE = /^[1-9]\d{3} ?[A-Z]{2}$/

// Postal codes abroad have no fixed form, but they are plain text all the same.
const POSTAL_CODE_TEXT = { label: { nl: 'Postcode', en: 'Postal code' }, maxLength: 20 }

/** Government organisations that publish in the register. */
export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: {
    singular: { nl: 'Organisatie', en: 'Organisation' },
    plural: { nl: 'Organisaties', en: 'Organisations' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'type'],
    group: { nl: 'Beheer', en: 'Administration' },
    description: {
      nl: 'De overheidsorganisaties die in dit register publiceren.',
      en: 'The government organisations that publish in this register.',
    },
  },
  access: {
    read: membersOfOwningOrganisation('id'),
    create: platformAdminOnly,
    update: membersOfOwningOrganisation('id', ['beheerder']),
    delete: platformAdminOnly,
    readVersions: nobody,
  },
  hooks: {
    beforeOperation: [checkWriteInput, refuseUnsupportedQueries],
    beforeValidate: [validateOrganisationCode],
    afterChange: [recordAuditEvent, syncPublicOrganisation],
    afterDelete: [recordAuditDeletion],
  },
  fields: withFieldNamedMessages([
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 100,
      label: { nl: 'Naam', en: 'Name' },
      validate: plainTextValidator({
        label: { nl: 'Naam', en: 'Name' },
        maxLength: 100,
        required: true,
      }),
      admin: {
        description: {
          nl: 'De volledige naam, zoals inwoners die kennen. Bijvoorbeeld: Gemeente Noorderhaaks.',
          en: 'The full name as residents know it. For example: Gemeente Noorderhaaks.',
        },
      },
    },
    {
      name: 'code',
      type: 'text',
      unique: true,
      index: true,
      label: { nl: 'Organisatiecode (TOOI)', en: 'Organisation code (TOOI)' },
      hooks: { beforeValidate: [refuseCodeChange] },
      access: {
        update: ({ req }) => isPlatformAdmin(req.user, req.payload),
      },
      admin: {
        description: {
          nl: 'De code uit de landelijke TOOI-lijst, bijvoorbeeld gm0363 (gemeente), pv27 (provincie) of ws0155 (waterschap). Bij een import zonder code blijft dit leeg: vul de code dan zelf aan.',
          en: 'The code from the national TOOI list, for example gm0363 (municipality), pv27 (province) or ws0155 (water authority).',
        },
      },
    },
    {
      name: 'type',
      type: 'select',
      required: true,
      label: { nl: 'Soort organisatie', en: 'Type of organisation' },
      options: ORGANISATION_TYPES.map((option) => ({ value: option.value, label: option.label })),
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'organisations',
      label: { nl: 'Valt onder', en: 'Part of' },
      admin: {
        description: {
          nl: 'Alleen invullen als deze organisatie onderdeel is van een andere, zoals een agentschap van een ministerie.',
          en: 'Only fill in when this organisation is part of another, such as an agency of a ministry.',
        },
      },
      validate: (value: unknown, { id, req }: { id?: string | number; req: PayloadRequest }) => {
        if (
          value !== undefined &&
          value !== null &&
          id !== undefined &&
          String(value) === String(id)
        ) {
          return localise(req, {
            nl: 'Een organisatie kan niet onder zichzelf vallen.',
            en: 'An organisation cannot be part of itself.',
          })
        }
        return true
      },
    },
    {
      name: 'website',
      type: 'text',
      label: { nl: 'Website', en: 'Website' },
      validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) => {
        if (!value || isHttpUrl(value)) return true
        return localise(req, {
          nl: `Website '${value}' is geen geldige link. Begin met https:// en gebruik een volledig webadres, zoals https://www.noorderhaaks.nl.`,
          en: `Website '${value}' is not a valid link. Start with https:// and use a full web address, such as https://www.noorderhaaks.nl.`,
        })
      },
    },
    {
      name: 'contactEmail',
      type: 'email',
      label: { nl: 'E-mailadres voor contact', en: 'Contact email' },
      admin: {
        description: {
          nl: 'Een algemeen adres, geen persoonlijk adres.',
          en: 'A general address, not a personal one.',
        },
      },
    },
    {
      name: 'postalAddress',
      type: 'group',
      label: { nl: 'Postadres', en: 'Postal address' },
      admin: {
        description: {
          nl: 'Nodig voor de registratie van hoog-risico AI-systemen in de EU-databank.',
          en: 'Needed to register high-risk AI systems in the EU database.',
        },
      },
      fields: [
        {
          name: 'street',
          type: 'text',
          maxLength: 200,
          label: { nl: 'Straat en huisnummer of postbus', en: 'Street and number or PO box' },
          validate: plainTextValidator({
            label: { nl: 'Straat en huisnummer of postbus', en: 'Street and number or PO box' },
            maxLength: 200,
          }),
        },
        {
          name: 'postalCode',
          type: 'text',
          hooks: { beforeValidate: [normalisePostalCode] },
          label: { nl: 'Postcode', en: 'Postal code' },
          validate: (
            value: string | null | undefined,
            { req, siblingData }: { req: PayloadRequest; siblingData?: unknown },
          ) => {
            const problem = plainTextProblem(value, POSTAL_CODE_TEXT)
            if (problem) return localise(req, problem)
            const country = (siblingData as { country?: string } | undefined)?.country
            if (!value || (country && country !== 'Nederland')) return true
            if (DUTCH_POSTAL_CODE.test(value)) return true
            return localise(req, {
              nl: `Postcode '${value}' klopt niet. Schrijf hem als 1234 AB.`,
              en: `Postal code '${value}' is not valid. Write it as 1234 AB.`,
            })
          },
        },
        {
          name: 'city',
          type: 'text',
          maxLength: 100,
          label: { nl: 'Plaats', en: 'City' },
          validate: plainTextValidator({ label: { nl: 'Plaats', en: 'City' }, maxLength: 100 }),
        },
        {
          name: 'country',
          type: 'text',
          maxLength: 100,
          defaultValue: 'Nederland',
          label: { nl: 'Land', en: 'Country' },
          validate: plainTextValidator({ label: { nl: 'Land', en: 'Country' }, maxLength: 100 }),
        },
      ],
    },
    {
      name: 'settings',
      type: 'group',
      label: { nl: 'Instellingen voor publiceren', en: 'Publication settings' },
      fields: [
        {
          name: 'fourEyes',
          type: 'checkbox',
          defaultValue: ({ req }) => registerOptionsOf(req.payload).fourEyesByDefault,
          label: { nl: 'Vier-ogenprincipe', en: 'Four-eyes approval' },
          admin: {
            description: {
              nl: 'Aan: iemand anders dan de schrijver moet een beschrijving goedkeuren. Wij raden aan dit aan te laten.',
              en: 'On: someone other than the writer must approve a description. We recommend keeping this on.',
            },
          },
        },
        {
          name: 'reviewIntervalMonths',
          type: 'number',
          defaultValue: ({ req }) => registerOptionsOf(req.payload).reviewIntervalMonths,
          min: 1,
          max: 60,
          label: { nl: 'Herzien na (maanden)', en: 'Review after (months)' },
          admin: {
            description: {
              nl: 'Na hoeveel maanden een gepubliceerde beschrijving opnieuw bekeken moet worden.',
              en: 'After how many months a published description must be checked again.',
            },
            step: 1,
          },
        },
        {
          name: 'plainLanguageBlocks',
          type: 'checkbox',
          defaultValue: false,
          label: {
            nl: 'Taaladvies blokkeert indienen',
            en: 'Plain-language findings block submission',
          },
          admin: {
            description: {
              nl: 'Uit: adviezen over eenvoudige taal zijn een waarschuwing. Aan: eerst de waarschuwingen oplossen, dan pas indienen.',
              en: 'Off: plain-language findings are warnings. On: solve the warnings before submitting.',
            },
          },
        },
      ],
    },
    {
      name: 'publicTheme',
      type: 'group',
      label: { nl: "Huisstijl van de publieke pagina's", en: 'Theme of the public pages' },
      admin: {
        description: {
          nl: "Zo zien de pagina's van uw organisatie en uw beschrijvingen eruit voor inwoners. Leeg: de neutrale overheidsstijl.",
          en: 'How the pages of your organisation and its descriptions look to residents. Empty: the neutral government style.',
        },
      },
      fields: [
        {
          name: 'primaryColour',
          type: 'text',
          label: { nl: 'Hoofdkleur', en: 'Main colour' },
          admin: {
            description: {
              nl: 'Kleurcode zoals #154273, voor de balk bovenaan, links en knoppen. Moet donker genoeg zijn voor witte tekst (contrast minstens 4,5:1).',
              en: 'Colour code such as #154273, for the top bar, links and buttons. Must be dark enough for white text (contrast at least 4.5:1).',
            },
          },
          validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) => {
            const problem = themeColourProblem(value)
            return problem ? localise(req, problem) : true
          },
        },
        {
          name: 'font',
          type: 'select',
          label: { nl: 'Lettertype', en: 'Font' },
          options: THEME_FONTS.map((font) => ({ value: font.value, label: font.label })),
        },
        {
          name: 'logoUrl',
          type: 'text',
          label: { nl: 'Logo (webadres van een afbeelding)', en: 'Logo (address of an image)' },
          admin: {
            description: {
              nl: 'Een https-adres van uw logo, bijvoorbeeld van uw eigen website (SVG of PNG).',
              en: 'An https address of your logo, for example on your own website (SVG or PNG).',
            },
          },
          validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) => {
            if (!value || (isHttpUrl(value) && value.startsWith('https://'))) return true
            return localise(req, {
              nl: `Logo '${value}' is geen geldig https-adres. Gebruik een volledig adres dat begint met https://.`,
              en: `Logo '${value}' is not a valid https address. Use a full address starting with https://.`,
            })
          },
        },
        {
          name: 'embedSnippet',
          type: 'ui',
          label: { nl: 'Insluiten op uw website', en: 'Embed on your website' },
          admin: { components: { Field: ADMIN_COMPONENTS.EmbedSnippet } },
        },
      ],
    },
  ]),
}
