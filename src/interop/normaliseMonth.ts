/**
 * Turns the many ways people typed a month into the standard's `yyyy-mm` (begin_date, end_date).
 *
 * The national export holds, among others: `2014-06`, `2012-6`, `01-2014`, `1-2010`, `01/2023`,
 * `03 2024`, `01-24`, `2018`, `2018 `, `2020-Q1`, `202006`, `012022`, `010717` (day-month-year),
 * `1012019`, `20-7-23`, `jan-24`, `jan 24`, placeholders such as `-`, `--`, `n.v.t.`, `Nvt`, `Nb`,
 * and month names without a year (`januari`, `Maart`).
 *
 * Rules, in the order they are tried (whitespace around the value is ignored and never reported):
 * - `yyyy-mm`: kept.
 * - placeholders (`-`, `n.v.t.`, `nvt`, `nb`, `onbekend`, `n/a`…): cleared, meaning "no date".
 * - `yyyy-m`: zero-padded. `yyyy-mm-dd`, `dd-mm-yyyy`, `yyyymmdd`, `ddmmyyyy`: the day is dropped.
 * - `mm-yyyy`, `mm/yyyy`, `mm yyyy`, `mmyyyy`, `yyyymm`: reordered.
 * - `yyyy`: month 01 is assumed (the earliest month the year allows), with a note saying so.
 * - `yyyy-Qn` / `Qn yyyy`: the first month of the quarter (Q1 → 01, Q2 → 04, …), with a note.
 * - two-digit years (`01-24`, `jan-24`, `010717`, `20-7-23`): 00–50 is read as 2000–2050 and
 *   51–99 as 1951–1999, with a note. The rule is fixed, not based on today's date, so an import
 *   gives the same result every day.
 * - month names in Dutch or English, full or abbreviated, with a year (`jan-24`, `maart 2021`).
 * - anything else, including a month name without a year, is invalid.
 * A 6-, 7- or 8-digit number is only accepted when exactly one reading gives a valid date (or
 * all valid readings give the same month).
 */

import type { BilingualText } from './bilingualText'

/**
 * What happened to the value: `ok` (already right or empty), `changed` (rewritten; see
 * `reason`), `cleared` (a placeholder meaning "no date"; value is empty) or `invalid`
 * (not understood; value is empty).
 */
export type MonthOutcome = 'ok' | 'changed' | 'cleared' | 'invalid'

/** Result of {@link normaliseMonth}. */
export interface NormalisedMonth {
  /** `yyyy-mm`, or empty. */
  value: string
  outcome: MonthOutcome
  /** Why the value changed, or why it could not be read; absent for `ok`. */
  reason?: BilingualText
}

const MIN_YEAR = 1900
const MAX_YEAR = 2100

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  febr: 2,
  februari: 2,
  february: 2,
  mrt: 3,
  maa: 3,
  mar: 3,
  maart: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  augustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

const PLACEHOLDER =
  /^(?:-+|—|–|n\.?\s?v\.?\s?t\.?|n\.?\s?b\.?|n\/a|na|onbekend|unknown|geen|none|x)$/i

type Note = 'monthAssumed' | 'quarter' | 'century' | 'dayDropped'

interface Reading {
  year: number
  month: number
  notes: Note[]
}

const NOTE_TEXT: Record<Note, BilingualText> = {
  monthAssumed: {
    nl: 'Er stond alleen een jaar. We hebben januari (01) als maand genomen.',
    en: 'Only a year was given. January (01) was assumed as the month.',
  },
  quarter: {
    nl: 'Er stond een kwartaal. We hebben de eerste maand van dat kwartaal genomen.',
    en: 'A quarter was given. The first month of that quarter was used.',
  },
  century: {
    nl: 'Het jaar had twee cijfers. 00 tot en met 50 lezen we als 2000-2050, 51 tot en met 99 als 1951-1999.',
    en: 'The year had two digits. 00 to 50 is read as 2000-2050, 51 to 99 as 1951-1999.',
  },
  dayDropped: {
    nl: 'De dag is weggelaten, want in dit veld staan alleen jaar en maand.',
    en: 'The day was dropped, because this field holds only year and month.',
  },
}

function fullYear(digits: string, notes: Note[]): number {
  if (digits.length === 4) return Number(digits)
  notes.push('century')
  const yy = Number(digits)
  return yy <= 50 ? 2000 + yy : 1900 + yy
}

function isValid(reading: Reading): boolean {
  return (
    Number.isInteger(reading.year) &&
    reading.year >= MIN_YEAR &&
    reading.year <= MAX_YEAR &&
    reading.month >= 1 &&
    reading.month <= 12
  )
}

function validDay(day: string): boolean {
  const d = Number(day)
  return d >= 1 && d <= 31
}

function reading(year: string, month: string | number, ...notes: Note[]): Reading {
  const collected = [...notes]
  return { year: fullYear(year, collected), month: Number(month), notes: collected }
}

/** All plausible readings of a run of digits without separators. */
function digitReadings(s: string): Reading[] {
  const out: Reading[] = []
  if (s.length === 6) {
    out.push(reading(s.slice(0, 4), s.slice(4))) // yyyymm
    out.push(reading(s.slice(2), s.slice(0, 2))) // mmyyyy
    if (validDay(s.slice(0, 2))) out.push(reading(s.slice(4), s.slice(2, 4), 'dayDropped')) // ddmmyy
  } else if (s.length === 7) {
    if (validDay(s.slice(0, 1))) out.push(reading(s.slice(3), s.slice(1, 3), 'dayDropped')) // dmmyyyy
    if (validDay(s.slice(0, 2))) out.push(reading(s.slice(3), s.slice(2, 3), 'dayDropped')) // ddmyyyy
  } else if (s.length === 8) {
    if (validDay(s.slice(6))) out.push(reading(s.slice(0, 4), s.slice(4, 6), 'dayDropped')) // yyyymmdd
    if (validDay(s.slice(0, 2))) out.push(reading(s.slice(4), s.slice(2, 4), 'dayDropped')) // ddmmyyyy
  }
  return out.filter(isValid)
}

function monthFromName(name: string): number | undefined {
  return MONTH_NAMES[name.toLowerCase().replace(/\.$/, '')]
}

type Rule = readonly [RegExp, (m: RegExpExecArray) => Reading[] | 'noYear']

const dayDropped = (day: string | undefined): Note[] => (day === undefined ? [] : ['dayDropped'])

/** Tried in order; the first pattern that matches decides. */
const RULES: readonly Rule[] = [
  [/^(\d{4})[-/.](\d{1,2})$/, (m) => [reading(m[1], m[2])]],
  [
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/,
    (m) => (validDay(m[3]) ? [reading(m[1], m[2], 'dayDropped')] : []),
  ],
  [
    /^(\d{4})\s*[-/. ]?\s*[QK]([1-4])$/i,
    (m) => [reading(m[1], (Number(m[2]) - 1) * 3 + 1, 'quarter')],
  ],
  [
    /^[QK]([1-4])\s*[-/. ]?\s*(\d{4})$/i,
    (m) => [reading(m[2], (Number(m[1]) - 1) * 3 + 1, 'quarter')],
  ],
  [/^(\d{4})$/, (m) => [reading(m[1], 1, 'monthAssumed')]],
  [/^(\d{1,2})\s*[-/. ]\s*(\d{4}|\d{2})$/, (m) => [reading(m[2], m[1])]],
  [
    /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})$/,
    (m) => (validDay(m[1]) ? [reading(m[3], m[2], 'dayDropped')] : []),
  ],
  [/^\d{6,8}$/, (m) => digitReadings(m[0])],
  [
    /^(?:(\d{1,2})\s+)?([a-z]+\.?)\s*[-/ ]?\s*(\d{4}|\d{2})$/i,
    (m) => {
      const month = monthFromName(m[2])
      if (month === undefined || (m[1] !== undefined && !validDay(m[1]))) return []
      return [reading(m[3], month, ...dayDropped(m[1]))]
    },
  ],
  [
    /^(\d{4})\s*[-/ ]?\s*([a-z]+\.?)$/i,
    (m) => {
      const month = monthFromName(m[2])
      return month === undefined ? [] : [reading(m[1], month)]
    },
  ],
  [/^([a-z]+\.?)$/i, (m) => (monthFromName(m[1]) === undefined ? [] : 'noYear')],
]

/** Returns the valid readings of `s`, or `noYear` for a month name on its own. */
function readMonth(s: string): Reading[] | 'noYear' {
  for (const [pattern, read] of RULES) {
    const m = pattern.exec(s)
    if (!m) continue
    const found = read(m)
    return found === 'noYear' ? found : found.filter(isValid)
  }
  return []
}

function format(r: Reading): string {
  return `${r.year}-${String(r.month).padStart(2, '0')}`
}

/** Normalises one month value to `yyyy-mm`; see the module comment for the rules. */
export function normaliseMonth(raw: string): NormalisedMonth {
  const s = raw.trim().replace(/\s+/g, ' ')
  if (s === '') return { value: '', outcome: 'ok' }
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s) && isValid(reading(s.slice(0, 4), s.slice(5)))) {
    return { value: s, outcome: 'ok' }
  }
  if (PLACEHOLDER.test(s)) {
    return {
      value: '',
      outcome: 'cleared',
      reason: {
        nl: `"${s}" is geen datum maar betekent "niet van toepassing" of "onbekend". Het veld is leeg gelaten.`,
        en: `"${s}" is not a date but means "not applicable" or "unknown". The field was left empty.`,
      },
    }
  }
  const found = readMonth(s)
  const distinct = found === 'noYear' ? [] : [...new Map(found.map((r) => [format(r), r])).values()]
  if (distinct.length !== 1) {
    const why: BilingualText =
      found === 'noYear'
        ? { nl: ' Er staat geen jaar bij.', en: ' There is no year.' }
        : distinct.length > 1
          ? {
              nl: ` Dit kan ${distinct.map(format).join(' of ')} zijn.`,
              en: ` This could be ${distinct.map(format).join(' or ')}.`,
            }
          : { nl: '', en: '' }
    return {
      value: '',
      outcome: 'invalid',
      reason: {
        nl: `"${s}" is geen geldige maand.${why.nl} Gebruik de vorm jjjj-mm, bijvoorbeeld 2023-01.`,
        en: `"${s}" is not a valid month.${why.en} Use the form yyyy-mm, for example 2023-01.`,
      },
    }
  }
  const [r] = distinct
  const value = format(r)
  const notes = [...new Set(r.notes)].map((note) => NOTE_TEXT[note])
  return {
    value,
    outcome: 'changed',
    reason: {
      nl: [`Datum "${s}" is omgezet naar "${value}".`, ...notes.map((t) => t.nl)].join(' '),
      en: [`Date "${s}" was changed to "${value}".`, ...notes.map((t) => t.en)].join(' '),
    },
  }
}
