/**
 * The command line of `npm run import -- <file> [options]`, read without side effects so that it
 * can be tested (with node:util parseArgs, through parseCommandLine).
 */

import { CommandLineError, parseCommandLine } from '../../host/cli/parseCommandLine'
import type { BilingualText } from './bilingualText'

/** What the command line asks for. */
export interface ImportArguments {
  file: string
  dryRun: boolean
  strict: boolean
  /** E-mail address of the importing platform admin. */
  user?: string
  language: 'nl' | 'en'
  /** Write the full result (every row, reason and warning) as JSON to this file. */
  report?: string
  /** No progress bar. */
  quiet: boolean
  /** List every rejected row and every warning in the summary. */
  verbose: boolean
  help: boolean
}

/** The command line is wrong; `text` says how. */
export class ImportUsageError extends Error {
  readonly text: BilingualText

  constructor(text: BilingualText) {
    super(text.en)
    this.name = 'ImportUsageError'
    this.text = text
  }
}

/** Help text of the import command. */
export const IMPORT_USAGE: BilingualText = {
  nl: `Gebruik: npm run import -- <bestand.csv|bestand.json> [opties]

Leest een export van het landelijke Algoritmeregister (CSV met Nederlandse of Engelse labels, of
JSON) in. Nieuwe en gewijzigde beschrijvingen worden gepubliceerd als nieuwe versie, op naam van
een platformbeheerder. Nog eens importeren verandert niets.

Opties:
  --dry-run         Alles uitvoeren en controleren, en daarna terugdraaien: er wordt niets opgeslagen.
  --strict          Alles of niets: alleen opslaan als geen enkele rij wordt afgewezen.
  --user <e-mail>   De platformbeheerder op wiens naam de import staat (standaard: de eerste).
  --lang nl|en      Taal van de meldingen (standaard nl).
  --report <file>   Schrijf het volledige resultaat (elke rij, reden en waarschuwing) als JSON.
  --verbose         Toon elke afgewezen rij en elke waarschuwing.
  --quiet           Geen voortgangsbalk.
  --help            Deze uitleg.

Database: DATABASE_URL, of de ingebouwde database in DATA_DIR (standaard .data).
Afsluitcode: 0 = geen rij afgewezen, 2 = een of meer rijen afgewezen, 1 = de import kon niet draaien.`,
  en: `Usage: npm run import -- <file.csv|file.json> [options]

Imports an export of the national Algoritmeregister (CSV with Dutch or English labels, or JSON).
New and changed descriptions are published as a new revision, in the name of a platform admin.
Importing again changes nothing.

Options:
  --dry-run         Carry out and check everything, then roll back: nothing is saved.
  --strict          All or nothing: save only when no row is rejected.
  --user <e-mail>   The platform admin in whose name the import runs (default: the first one).
  --lang nl|en      Language of the messages (default nl).
  --report <file>   Write the full result (every row, reason and warning) as JSON.
  --verbose         List every rejected row and every warning.
  --quiet           No progress bar.
  --help            This text.

Database: DATABASE_URL, or the embedded database in DATA_DIR (default .data).
Exit code: 0 = no row rejected, 2 = one or more rows rejected, 1 = the import could not run.`,
}

/** The options of the import command, for {@link parseCommandLine}. */
const IMPORT_OPTIONS = {
  'dry-run': { type: 'boolean' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  user: { type: 'string' },
  report: { type: 'string' },
  lang: { type: 'string' },
} as const

/**
 * Reads the arguments after `npm run import --`.
 *
 * @throws ImportUsageError for an unknown option, a missing value or a missing file name.
 */
export function parseImportArguments(argv: readonly string[]): ImportArguments {
  let parsed: ReturnType<typeof parseCommandLine<typeof IMPORT_OPTIONS>>
  try {
    parsed = parseCommandLine(argv, IMPORT_OPTIONS, { allowPositionals: true })
  } catch (error) {
    if (error instanceof CommandLineError) throw new ImportUsageError(error.text)
    throw error
  }
  const { values, positionals: files } = parsed
  const language = values.lang ?? 'nl'
  if (language !== 'nl' && language !== 'en') {
    throw new ImportUsageError({
      nl: `--lang kan nl of en zijn, niet "${language}".`,
      en: `--lang can be nl or en, not "${language}".`,
    })
  }
  const result: ImportArguments = {
    file: '',
    dryRun: values['dry-run'] === true,
    strict: values.strict === true,
    ...(values.user === undefined ? {} : { user: values.user }),
    language,
    ...(values.report === undefined ? {} : { report: values.report }),
    quiet: values.quiet === true,
    verbose: values.verbose === true,
    help: values.help === true,
  }
  if (result.help) return result
  if (files.length !== 1) {
    throw new ImportUsageError(
      files.length === 0
        ? {
            nl: 'Geef het bestand dat u wilt importeren, bijvoorbeeld: npm run import -- export.csv',
            en: 'Give the file to import, for example: npm run import -- export.csv',
          }
        : {
            nl: `Geef één bestand tegelijk, niet ${files.length}.`,
            en: `Give one file at a time, not ${files.length}.`,
          },
    )
  }
  result.file = files[0]
  return result
}
