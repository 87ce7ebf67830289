import {
  DEFAULT_PLAIN_LANGUAGE_OPTIONS,
  type LocalisedMessage,
  type PlainLanguageReport,
  type ReadabilityLevel,
} from './analysePlainLanguage'

/** How the outcome of the plain-language check reads to an editor. */
export interface ReadabilityVerdict {
  /** `good` only for an easy-to-read text without tips; never next to a low score. */
  readonly tone: 'good' | 'tips' | 'fix' | 'neutral'
  /** The band with its score ("Moeilijk te lezen (score 14,4 van 100)"); null for short texts. */
  readonly band: LocalisedMessage | null
  /** One sentence under the tips, or in place of them when there are none. */
  readonly summary: LocalisedMessage
}

const BAND_NAMES: Record<ReadabilityLevel, LocalisedMessage> = {
  makkelijk: { nl: 'Makkelijk te lezen', en: 'Easy to read' },
  redelijk: { nl: 'Redelijk te lezen', en: 'Fairly difficult to read' },
  moeilijk: { nl: 'Moeilijk te lezen', en: 'Difficult to read' },
}

function scoreText(score: number, language: 'nl' | 'en'): string {
  const fixed = score.toFixed(1)
  return language === 'nl' ? fixed.replace('.', ',') : fixed
}

/**
 * One wording for the field aids and the workflow panel, derived from the same report: the
 * readability band with its score (only from the analyser's minimum number of words), and a
 * summary that praises a text only when it is easy to read and has no tips.
 */
export function describeReadability(report: PlainLanguageReport): ReadabilityVerdict {
  const warnings = report.findings.filter((finding) => finding.severity === 'warning').length
  const tips = report.findings.length - warnings
  const scored =
    report.level !== null &&
    report.score !== null &&
    report.stats.words >= DEFAULT_PLAIN_LANGUAGE_OPTIONS.minWordsForReadability
  const band =
    scored && report.level && report.score !== null
      ? {
          nl: `${BAND_NAMES[report.level].nl} (score ${scoreText(report.score, 'nl')} van 100)`,
          en: `${BAND_NAMES[report.level].en} (score ${scoreText(report.score, 'en')} of 100)`,
        }
      : null
  if (warnings > 0) {
    return {
      tone: 'fix',
      band,
      summary: {
        nl: `${warnings} ${warnings === 1 ? 'verbeterpunt' : 'verbeterpunten'}${tips > 0 ? ` en ${tips} ${tips === 1 ? 'tip' : 'tips'}` : ''}.`,
        en: `${warnings} ${warnings === 1 ? 'point' : 'points'} to fix${tips > 0 ? ` and ${tips} ${tips === 1 ? 'tip' : 'tips'}` : ''}.`,
      },
    }
  }
  if (tips > 0) {
    return {
      tone: 'tips',
      band,
      summary: {
        nl: `${tips} ${tips === 1 ? 'tip' : 'tips'}, geen verbeterpunten.`,
        en: `${tips} ${tips === 1 ? 'tip' : 'tips'}, nothing to fix.`,
      },
    }
  }
  if (!scored) {
    return {
      tone: 'neutral',
      band: null,
      summary: {
        nl: `Geen tips. Een leesbaarheidsscore volgt vanaf ${DEFAULT_PLAIN_LANGUAGE_OPTIONS.minWordsForReadability} woorden.`,
        en: `No tips. A readability score follows from ${DEFAULT_PLAIN_LANGUAGE_OPTIONS.minWordsForReadability} words.`,
      },
    }
  }
  return {
    tone: 'good',
    band,
    summary: {
      nl: 'Geen tips: deze tekst is in eenvoudige taal geschreven.',
      en: 'No tips: this text is written in plain language.',
    },
  }
}
