/**
 * A user-facing text in plain Dutch (the language editors work in) with an English version for
 * people and tools that do not read Dutch.
 */
export interface BilingualText {
  nl: string
  en: string
}
