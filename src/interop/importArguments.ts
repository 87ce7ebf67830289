/**
 * The command line of `npm run import -- <file> [options]`, read without side effects so that it
 * can be tested.
 */

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

/**
 * Reads the arguments after `npm run import --`.
 *
 * @throws ImportUsageError for an unknown option, a missing value or a missing file name.
 */
export function parseImportArguments(argv: readonly string[]): ImportArguments {
  const result: ImportArguments = {
    file: '',
    dryRun: false,
    strict: false,
    language: 'nl',
    quiet: false,
    verbose: false,
    help: false,
  }
  const files: string[] = []
  const value = (option: string, index: number): string => {
    const next = argv[index + 1]
    if (next === undefined || next.startsWith('--')) {
      throw new ImportUsageError({
        nl: `Optie ${option} heeft een waarde nodig.`,
        en: `Option ${option} needs a value.`,
      })
    }
    return next
  }
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]
    const [name, inline] = argument.startsWith('--') ? argument.split(/=(.*)/s, 2) : [argument]
    const take = (): string => {
      if (inline !== undefined) return inline
      const next = value(name, index)
      index += 1
      return next
    }
    switch (name) {
      case '--dry-run':
        result.dryRun = true
        break
      case '--strict':
        result.strict = true
        break
      case '--quiet':
        result.quiet = true
        break
      case '--verbose':
        result.verbose = true
        break
      case '--help':
      case '-h':
        result.help = true
        break
      case '--user':
        result.user = take()
        break
      case '--report':
        result.report = take()
        break
      case '--lang': {
        const language = take()
        if (language !== 'nl' && language !== 'en') {
          throw new ImportUsageError({
            nl: `--lang kan nl of en zijn, niet "${language}".`,
            en: `--lang can be nl or en, not "${language}".`,
          })
        }
        result.language = language
        break
      }
      default:
        if (argument.startsWith('-')) {
          throw new ImportUsageError({
            nl: `Onbekende optie ${argument}. Zie --help.`,
            en: `Unknown option ${argument}. See --help.`,
          })
        }
        files.push(argument)
    }
  }
  if (result.help) return result
  if (files.length !== 1) {
    throw new ImportUsageError(
      files.length === 0
        ? {
            nl: 'Geef het bestand dat je wilt importeren, bijvoorbeeld: npm run import -- export.csv',
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
