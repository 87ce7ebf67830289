export {
  analysePlainLanguage,
  DEFAULT_PLAIN_LANGUAGE_OPTIONS,
  READABILITY_BANDS,
  type Finding,
  type FindingCode,
  type FindingSeverity,
  type LocalisedMessage,
  type PlainLanguageOptions,
  type PlainLanguageReport,
  type PlainLanguageStats,
  type ReadabilityLevel,
} from './analysePlainLanguage'
export { countSyllables } from './countSyllables'
export { htmlToText } from './htmlToText'
export { jargon } from './jargon'
export { officialese } from './officialese'
export type { PlainLanguageTerm } from './plainLanguageTerm'
export { splitSentences } from './splitSentences'
export { summarisePlainLanguage, type PlainLanguageSummary } from './summarisePlainLanguage'
