import type { Bilingual } from '../../i18n/localise'

/** The admin's two languages. Anything but English is shown in Dutch. */
export type AdminLanguage = 'nl' | 'en'

/** Narrows Payload's i18n language code to the admin's two languages; Dutch by default. */
export function adminLanguageOf(code: string | undefined | null): AdminLanguage {
  return code === 'en' ? 'en' : 'nl'
}

/** The text in the admin's language. */
export function pickText(language: AdminLanguage, text: Bilingual): string {
  return language === 'en' ? text.en : text.nl
}

/**
 * A date and time as people in the Netherlands read it. The time zone is fixed so the server
 * and the browser render the same text.
 */
export function formatDateTime(value: string | null | undefined, language: AdminLanguage): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}

/** A date without time, in the same style as {@link formatDateTime}. */
export function formatDate(value: string | null | undefined, language: AdminLanguage): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(date)
}
