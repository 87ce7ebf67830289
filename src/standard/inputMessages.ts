/**
 * Messages for input refused before a field's own rules run (wrong type, control character,
 * too long, nested too deep) and for plain-text fields outside the standard. Each names the
 * field, in Dutch and English, like the standard's own messages in validators.ts.
 */
import type { Bilingual } from '../i18n/localise'

/** Why a value is refused by the input checks. */
export type InputProblem =
  | { kind: 'controlCharacter'; character: string }
  | { kind: 'tooLong'; actual: number; max: number }
  | { kind: 'tooDeep'; max: number }
  | { kind: 'tooManyRows'; actual: number; max: number }
  | { kind: 'markup'; found: string }
  | { kind: 'required' }
  | { kind: 'wrongType'; expected: ExpectedType }

/** What a field holds, for "must be …" messages. */
export type ExpectedType =
  | 'text'
  | 'textList'
  | 'number'
  | 'boolean'
  | 'date'
  | 'reference'
  | 'referenceList'
  | 'rows'
  | 'group'
  | 'richText'
  | 'choice'

const EXPECTED: Record<ExpectedType, Bilingual> = {
  text: { nl: 'tekst', en: 'text' },
  textList: { nl: 'een lijst met teksten', en: 'a list of texts' },
  number: { nl: 'een getal', en: 'a number' },
  boolean: { nl: 'aan of uit (true of false)', en: 'on or off (true or false)' },
  date: { nl: 'een datum, zoals 2026-01-31', en: 'a date, such as 2026-01-31' },
  reference: { nl: 'het nummer (id) van een document', en: 'the number (id) of a document' },
  referenceList: {
    nl: 'een lijst met nummers (id’s) van documenten',
    en: 'a list of document numbers (ids)',
  },
  rows: { nl: 'een lijst met regels', en: 'a list of rows' },
  group: { nl: 'een groep velden (een object)', en: 'a group of fields (an object)' },
  richText: { nl: 'tekst met opmaak', en: 'formatted text' },
  choice: { nl: 'een van de keuzes', en: 'one of the choices' },
}

const number = (value: number, language: 'nl' | 'en') =>
  new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB').format(value)

/** The message for `problem` in the field called `label` (already in both languages). */
export function inputProblemMessage(label: Bilingual, problem: InputProblem): Bilingual {
  switch (problem.kind) {
    case 'controlCharacter':
      return {
        nl: `${label.nl} bevat een onzichtbaar stuurteken (${problem.character}) dat niet is toegestaan. Verwijder het, bijvoorbeeld door de tekst opnieuw te typen.`,
        en: `${label.en} contains an invisible control character (${problem.character}) that is not allowed. Remove it, for example by typing the text again.`,
      }
    case 'tooLong':
      return {
        nl: `${label.nl} is te lang: ${number(problem.actual, 'nl')} tekens, maximaal ${number(problem.max, 'nl')}.`,
        en: `${label.en} is too long: ${number(problem.actual, 'en')} characters, at most ${number(problem.max, 'en')}.`,
      }
    case 'tooDeep':
      return {
        nl: `${label.nl} is te diep genest: maximaal ${problem.max} niveaus.`,
        en: `${label.en} is nested too deeply: at most ${problem.max} levels.`,
      }
    case 'tooManyRows':
      return {
        nl: `${label.nl} heeft te veel regels: ${number(problem.actual, 'nl')}, maximaal ${number(problem.max, 'nl')}.`,
        en: `${label.en} has too many rows: ${number(problem.actual, 'en')}, at most ${number(problem.max, 'en')}.`,
      }
    case 'markup':
      return {
        nl: `${label.nl} bevat opmaak (${problem.found}). Dit veld is platte tekst: zet geen < direct voor een letter, /, ! of ?.`,
        en: `${label.en} contains markup (${problem.found}). This field is plain text: do not put < directly before a letter, /, ! or ?.`,
      }
    case 'required':
      return {
        nl: `${label.nl} is verplicht. Vul dit veld in.`,
        en: `${label.en} is required. Please fill it in.`,
      }
    case 'wrongType':
      return {
        nl: `${label.nl} moet ${EXPECTED[problem.expected].nl} zijn.`,
        en: `${label.en} must be ${EXPECTED[problem.expected].en}.`,
      }
  }
}
