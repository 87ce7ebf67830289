/**
 * Demo data for a local installation: fictional organisations and one account per role.
 * DEMO ONLY: these passwords are public; never use SEED_DEMO on a register that goes online.
 */
export const DEMO_PASSWORD = 'demo-wachtwoord'

export const DEMO_ORGANISATIONS = [
  {
    name: 'Gemeente Noorderhaaks',
    code: 'gm9901',
    type: 'gemeente',
    website: 'https://www.noorderhaaks.example',
    contactEmail: 'algoritmes@noorderhaaks.example',
    postalAddress: {
      street: 'Postbus 1',
      postalCode: '1799 ZZ',
      city: 'Noorderhaaks',
      country: 'Nederland',
    },
  },
  {
    name: 'Provincie Zuiderzeekust',
    code: 'pv98',
    type: 'provincie',
    website: 'https://www.zuiderzeekust.example',
    contactEmail: 'algoritmes@zuiderzeekust.example',
    postalAddress: {
      street: 'Postbus 98',
      postalCode: '8200 AA',
      city: 'Kustdorp',
      country: 'Nederland',
    },
  },
  {
    name: 'Waterschap Lage Landen',
    code: 'ws9903',
    type: 'waterschap',
    website: 'https://www.lagelanden.example',
    contactEmail: 'info@lagelanden.example',
    postalAddress: {
      street: 'Dijkweg 3',
      postalCode: '3999 DW',
      city: 'Polderstad',
      country: 'Nederland',
    },
  },
] as const

export const DEMO_USERS = [
  {
    email: 'redacteur@noorderhaaks.example',
    name: 'Rianne Redacteur',
    organisation: 'gm9901',
    role: 'redacteur',
    label: 'Redacteur (Noorderhaaks)',
  },
  {
    email: 'goedkeurder@noorderhaaks.example',
    name: 'Gerrit Goedkeurder',
    organisation: 'gm9901',
    role: 'goedkeurder',
    label: 'Goedkeurder (Noorderhaaks)',
  },
  {
    email: 'beheerder@noorderhaaks.example',
    name: 'Bea Beheerder',
    organisation: 'gm9901',
    role: 'beheerder',
    label: 'Beheerder (Noorderhaaks)',
  },
  {
    email: 'auditor@noorderhaaks.example',
    name: 'Anton Auditor',
    organisation: 'gm9901',
    role: 'auditor',
    label: 'Auditor (Noorderhaaks)',
  },
  {
    email: 'redacteur@zuiderzeekust.example',
    name: 'Ziggy Zuid',
    organisation: 'pv98',
    role: 'redacteur',
    label: 'Redacteur (Zuiderzeekust)',
  },
  {
    email: 'platform@algoritmeregister.example',
    name: 'Pim Platform',
    organisation: null,
    role: null,
    label: 'Platformbeheerder',
  },
] as const
