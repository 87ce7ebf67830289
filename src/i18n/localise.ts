/** A text in both languages the register speaks. */
export interface Bilingual {
  nl: string
  en: string
}

interface WithLanguage {
  i18n?: { language?: string } | null
}

/**
 * Picks the request's language (Payload derives it from the user's choice or the
 * accept-language header); Dutch unless English was asked for.
 */
export function localise(req: WithLanguage | undefined | null, text: Bilingual): string {
  return req?.i18n?.language === 'en' ? text.en : text.nl
}
