import type { GlobalConfig, PayloadRequest } from 'payload'

import { asAccessUser } from '../access/accessUser'
import { isPlatformAdmin } from '../access/isPlatformAdmin'
import { ADMIN_COMPONENTS } from '../src/plugin/adminComponents'
import { localise } from '../src/i18n/localise'
import { plainTextValidator } from '../src/standard/plainTextValidator'

const NAME_MAX = 120
const LOGO_MAX = 2000

const REGISTER_NAME = { nl: 'Naam van het register', en: 'Name of the register' }
const ORGANISATION_NAME = { nl: 'Naam van de organisatie', en: 'Name of the organisation' }

/** A logo address: https, or a path on this server (such as /logo.svg). */
function isLogoAddress(value: string): boolean {
  if (value.startsWith('/') && !value.startsWith('//')) return !/[\s"'<>]/.test(value)
  try {
    return new URL(value).protocol === 'https:'
  } catch (_error) {
    return false
  }
}

/**
 * How the register presents itself: the name and logo on the login page and in the admin's
 * navigation, instead of Payload's. Everyone who is logged in may read it (the login page reads
 * it on the server); only platform admins change it.
 */
export const RegisterSettings: GlobalConfig = {
  slug: 'register-settings',
  label: { nl: 'Huisstijl van het register', en: 'Register branding' },
  admin: {
    group: { nl: 'Beheer', en: 'Administration' },
    // Only the people who may change it see it in the menu.
    hidden: ({ user }) => asAccessUser(user)?.isPlatformAdmin !== true,
    description: {
      nl: 'De naam en het logo op de inlogpagina en in het menu.',
      en: 'The name and logo on the login page and in the menu.',
    },
  },
  access: {
    read: ({ req }) => Boolean(req.user),
    update: ({ req }) => isPlatformAdmin(req.user, req.payload),
  },
  fields: [
    {
      name: 'registerName',
      type: 'text',
      label: REGISTER_NAME,
      defaultValue: 'Algoritmeregister',
      maxLength: NAME_MAX,
      validate: plainTextValidator({ label: REGISTER_NAME, maxLength: NAME_MAX }),
      admin: {
        description: {
          nl: 'Bijvoorbeeld: Algoritmeregister Gemeente Noorderhaaks.',
          en: 'For example: Algorithm register of the municipality of Noorderhaaks.',
        },
      },
    },
    {
      name: 'organisationName',
      type: 'text',
      label: ORGANISATION_NAME,
      maxLength: NAME_MAX,
      validate: plainTextValidator({ label: ORGANISATION_NAME, maxLength: NAME_MAX }),
      admin: {
        description: {
          nl: 'Staat onder de naam van het register. Laat leeg als het register van meer organisaties is.',
          en: 'Shown below the register’s name. Leave empty when the register serves several organisations.',
        },
      },
    },
    {
      name: 'logoUrl',
      type: 'text',
      label: { nl: 'Logo (webadres)', en: 'Logo (web address)' },
      maxLength: LOGO_MAX,
      validate: (value: unknown, { req }: { req: PayloadRequest }) => {
        if (value === undefined || value === null || value === '') return true
        if (typeof value === 'string' && value.length <= LOGO_MAX && isLogoAddress(value)) {
          return true
        }
        return localise(req, {
          nl: 'Logo (webadres) is geen geldig adres. Begin met https:// of met / voor een bestand op deze server.',
          en: 'Logo (web address) is not a valid address. Start with https:// or with / for a file on this server.',
        })
      },
      admin: {
        placeholder: 'https://',
        description: {
          nl: 'Het adres van een afbeelding (SVG of PNG), bijvoorbeeld het logo op de website van uw organisatie.',
          en: 'The address of an image (SVG or PNG), for example the logo on your organisation’s website.',
        },
      },
    },
  ],
}

/** Import-map paths of the graphics that replace Payload's logo and icon. */
export const BRANDING_GRAPHICS = {
  Logo: ADMIN_COMPONENTS.RegisterLogo,
  Icon: ADMIN_COMPONENTS.RegisterIcon,
} as const
