/**
 * `npm run import -- <file> [--dry-run] [--strict] [--user <e-mail>] [--lang en] [--report f.json]`
 *
 * Imports an export of the national Algoritmeregister into DATABASE_URL (or the embedded
 * database under DATA_DIR). Progress goes to stderr, the summary to stdout. See IMPORT_USAGE for
 * the options and exit codes.
 */
import { loadConfig } from '../boot/loadConfig'
import fs from 'node:fs'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { ensurePayloadSecret, readRuntimeSettings } from '../boot/runtimeSettings'
import { closePayloadPool } from '../../src/database/closePayloadPool'
import { openDatabase, type DatabaseHandle } from '../../src/database/openDatabase'
import { runMigrations } from '../../src/database/runMigrations'
import {
  IMPORT_USAGE,
  ImportUsageError,
  parseImportArguments,
  type ImportArguments,
} from '../../src/interop/importArguments'
import { ImportRefusedError, importRegister } from '../../src/interop/importRegister'
import { formatImportSummary } from '../../src/interop/importSummary'
import { ImportFileError, readImportFile } from '../../src/interop/readImportFile'
import { cliLogger } from '../../src/logging/registerLogger'
import { createImportProgressBar } from './importProgressBar'
import { reportStartFailure } from './reportStartFailure'
import { runCommand } from './runCommand'

/** Exit codes, as documented in IMPORT_USAGE. */
const EXIT_OK = 0
const EXIT_FAILED = 1
const EXIT_REJECTED = 2

async function run(args: ImportArguments): Promise<number> {
  const t = (text: { nl: string; en: string }) => text[args.language]
  const file = path.resolve(args.file)
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error)
    cliLogger.error(
      t({
        nl: `Het bestand ${file} is niet te lezen (${reason}).`,
        en: `The file ${file} cannot be read (${reason}).`,
      }),
    )
    return EXIT_FAILED
  }
  const source = readImportFile(path.basename(file), text)

  const settings = readRuntimeSettings()
  ensurePayloadSecret(settings)
  let database: DatabaseHandle | undefined
  let payload: Payload | undefined
  try {
    database = await openDatabase({
      databaseUrl: settings.databaseUrl,
      dataDir: settings.dataDir,
      embeddedPort: settings.embeddedPort,
    })
    process.env.DATABASE_URL = database.url
    payload = await getPayload({ config: await loadConfig() })
    await runMigrations(payload)

    const progress = args.quiet ? undefined : createImportProgressBar(args.language)
    const result = await importRegister(payload, source, {
      dryRun: args.dryRun,
      strict: args.strict,
      userEmail: args.user,
      language: args.language,
      onProgress: progress?.update,
    })
    progress?.finish()
    process.stdout.write(
      formatImportSummary(result, { language: args.language, verbose: args.verbose }),
    )
    if (args.report) {
      fs.writeFileSync(path.resolve(args.report), `${JSON.stringify(result, null, 2)}\n`)
      process.stdout.write(
        `${t({
          nl: `Het volledige resultaat staat in ${args.report}.`,
          en: `The full result is in ${args.report}.`,
        })}\n`,
      )
    }
    return result.counts.rejected > 0 ? EXIT_REJECTED : EXIT_OK
  } finally {
    if (payload) await closePayloadPool(payload)
    await database?.stop()
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  // The usage error itself may be about --lang, so look for a readable --lang en by hand.
  const english =
    argv.includes('--lang=en') || argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en')
  let args: ImportArguments
  try {
    args = parseImportArguments(argv)
  } catch (error) {
    if (error instanceof ImportUsageError) {
      const language = english ? 'en' : 'nl'
      process.stderr.write(`${error.text[language]}\n\n${IMPORT_USAGE[language]}\n`)
      return EXIT_FAILED
    }
    throw error
  }
  if (args.help) {
    process.stdout.write(`${IMPORT_USAGE[args.language]}\n`)
    return EXIT_OK
  }
  try {
    return await run(args)
  } catch (error) {
    if (error instanceof ImportFileError || error instanceof ImportRefusedError) {
      cliLogger.error(error.text[args.language])
      return EXIT_FAILED
    }
    throw error
  }
}

runCommand(main, (error) => {
  reportStartFailure(error)
  return EXIT_FAILED
})
