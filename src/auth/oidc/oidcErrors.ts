import type { Bilingual } from '../../i18n/localise'

/** Why a login through an organisation account was refused; in the login page's address. */
export const OIDC_FAILURES = {
  'unknown-provider': {
    nl: 'Deze manier van inloggen bestaat niet (meer). Kies een knop op de inlogpagina.',
    en: 'This way of logging in does not exist (any more). Choose a button on the login page.',
  },
  'provider-unreachable': {
    nl: 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het over een paar minuten opnieuw of neem contact op met uw servicedesk.',
    en: 'Your organisation’s sign-in service cannot be reached right now. Try again in a few minutes or contact your service desk.',
  },
  'invalid-state': {
    nl: 'Deze inlogpoging is verlopen of niet in deze browser begonnen. Begin opnieuw met de knop op de inlogpagina.',
    en: 'This login attempt has expired or was not started in this browser. Start again with the button on the login page.',
  },
  rejected: {
    nl: 'Het antwoord van de inlogdienst klopt niet (verlopen code, verkeerde handtekening of onbekende afzender). Er is niet ingelogd. Begin opnieuw; blijft dit gebeuren, neem dan contact op met uw beheerder.',
    en: 'The answer from the sign-in service is not valid (expired code, wrong signature or unknown issuer). You have not been logged in. Start again; if this keeps happening, contact your administrator.',
  },
  cancelled: {
    nl: 'Het inloggen bij uw organisatie is afgebroken of geweigerd.',
    en: 'Logging in with your organisation was cancelled or refused.',
  },
  'email-unverified': {
    nl: 'Uw organisatie-account heeft geen bevestigd e-mailadres. Vraag uw servicedesk om het e-mailadres te laten bevestigen.',
    en: 'Your organisation account has no verified e-mail address. Ask your service desk to verify it.',
  },
  'register-empty': {
    nl: 'Dit register heeft nog geen beheerder. Maak eerst het eerste account aan met e-mailadres en wachtwoord.',
    en: 'This register has no administrator yet. Create the first account with an e-mail address and password first.',
  },
  locked: {
    nl: 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw.',
    en: 'This account is locked for a while after too many failed attempts. Try again later.',
  },
} as const satisfies Record<string, Bilingual>

export type OidcFailure = keyof typeof OIDC_FAILURES

/** Query parameter on the admin login page that names the failure. */
export const OIDC_FAILURE_PARAM = 'inlogfout'

export function isOidcFailure(value: unknown): value is OidcFailure {
  return typeof value === 'string' && Object.hasOwn(OIDC_FAILURES, value)
}
