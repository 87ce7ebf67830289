/** A place where an admin text breaks the writing guide (docs/schrijfwijzer.md). */
export interface LanguageProblem {
  rule: 'nieuw(e)' | 'verplicht-in-label' | 'je-vorm' | 'engels' | 'meervoud-na-1'
  /** The word or phrase that was found. */
  found: string
}

/**
 * English or developer words that have a plain Dutch alternative in the admin. Words that are
 * Dutch too (e-mail, link, status) are not on the list.
 */
export const ENGLISH_WORDS = [
  'workflow',
  'workflowstap',
  'api',
  'dashboard',
  'template',
  'draft',
  'upload',
  'submit',
  'review',
  'reviewer',
  'publish',
  'settings',
  'payload',
  'adminthema',
  'collection',
] as const

const ENGLISH = new RegExp(`(?<![\\p{L}\\-/.])(${ENGLISH_WORDS.join('|')})(?![\\p{L}\\-])`, 'giu')
// Informal address. "je" only as a word (not in "bijvoorbeeld" or "Tje").
const INFORMAL = /(?<!\p{L})(je|jij|jou|jouw|jezelf)(?!\p{L})/giu
const NIEUW_E = /nieuw\(e\)/gi
const REQUIRED_IN_LABEL = /\((verplicht|required)\)/gi
// "1 velden", "1 rijen": a plural after the number one.
const ONE_PLURAL =
  /(?<![\d.,])1 (velden|rijen|punten|verbeterpunten|tips|organisaties|beschrijvingen)\b/g

/**
 * Finds the mistakes the writing guide names in one admin text: "Nieuw(e)", "(verplicht)" in a
 * label, "je"/"jij"/"jouw" where the register says "u", English words from {@link ENGLISH_WORDS},
 * and a plural after "1". Placeholders such as `{{label}}` are read as text.
 */
export function findLanguageProblems(raw: string): LanguageProblem[] {
  const text = raw.replace(/\{\{[^}]*\}\}/g, '…')
  const problems: LanguageProblem[] = []
  for (const match of text.matchAll(NIEUW_E)) problems.push({ rule: 'nieuw(e)', found: match[0] })
  for (const match of text.matchAll(REQUIRED_IN_LABEL)) {
    problems.push({ rule: 'verplicht-in-label', found: match[0] })
  }
  for (const match of text.matchAll(INFORMAL)) problems.push({ rule: 'je-vorm', found: match[0] })
  for (const match of text.matchAll(ENGLISH)) problems.push({ rule: 'engels', found: match[0] })
  for (const match of text.matchAll(ONE_PLURAL)) {
    problems.push({ rule: 'meervoud-na-1', found: match[0] })
  }
  return problems
}
