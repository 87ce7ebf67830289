/**
 * `npm run national:sync -- [--dry-run] [--organisation gm0363] [--force] [--drift] [--lang en]`
 *
 * Delivers every published description of the organisations that deliver to the national
 * Algoritmeregister (and retracts withdrawn ones), or with --dry-run only checks each submission
 * against the register's OpenAPI document. --force sends again what is already there; --drift
 * compares what the register publishes with what was delivered. Progress on stderr, the summary
 * on stdout. Exit code 0 when everything went through, 2 when something failed, 1 on a usage
 * or start error.
 */
import { getPayload, type Payload } from 'payload'

import { loadConfig } from '../boot/loadConfig'
import { ensurePayloadSecret, readRuntimeSettings } from '../boot/runtimeSettings'
import { closePayloadPool } from '../../src/database/closePayloadPool'
import { openDatabase, type DatabaseHandle } from '../../src/database/openDatabase'
import { runMigrations } from '../../src/database/runMigrations'
import { checkDrift } from '../../src/national/checkDrift'
import { syncDeliveries, type SyncItem } from '../../src/national/syncDeliveries'
import { createSyncProgressBar } from './nationalSyncProgressBar'
import { CommandLineError, parseCommandLine } from './parseCommandLine'
import { reportStartFailure } from './reportStartFailure'
import { runCommand } from './runCommand'

const USAGE = {
  nl: `Gebruik: npm run national:sync -- [--dry-run] [--organisation <code>] [--force] [--drift] [--lang en]
  --dry-run             alleen controleren tegen de aanleverstandaard, niets versturen
  --organisation <code> alleen deze organisatie (TOOI-code of code in het landelijke register)
  --force               ook opnieuw versturen wat er al staat
  --drift               vergelijken wat het landelijke register publiceert met wat is aangeleverd`,
  en: `Usage: npm run national:sync -- [--dry-run] [--organisation <code>] [--force] [--drift] [--lang en]
  --dry-run             only check against the submission standard, send nothing
  --organisation <code> only this organisation (TOOI code or its code in the national register)
  --force               send again what is already there
  --drift               compare what the national register publishes with what was delivered`,
}

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  organisation: { type: 'string' },
  force: { type: 'boolean' },
  drift: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

const LABELS: Record<string, { nl: string; en: string }> = {
  vrijgegeven: { nl: 'vrijgegeven', en: 'released' },
  ingetrokken: { nl: 'ingetrokken', en: 'retracted' },
  in_wachtrij: { nl: 'later opnieuw', en: 'retry later' },
  fout: { nl: 'fout', en: 'error' },
  niet_aangeleverd: { nl: 'niet aangeleverd', en: 'not delivered' },
  valid: { nl: 'geldig', en: 'valid' },
  invalid: { nl: 'ongeldig', en: 'invalid' },
  other: { nl: 'overgeslagen', en: 'skipped' },
}

/** The summary printed on stdout: counts per result and every failure with its reason. */
export function formatSyncSummary(
  items: SyncItem[],
  language: 'nl' | 'en',
  dryRun: boolean,
): string {
  const counts = new Map<string, number>()
  for (const item of items) {
    const key = dryRun ? item.outcome : (item.status ?? 'other')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const lines = [
    language === 'nl'
      ? `${dryRun ? 'Gecontroleerd' : 'Verwerkt'}: ${items.length} beschrijving(en).`
      : `${dryRun ? 'Checked' : 'Processed'}: ${items.length} description(s).`,
  ]
  for (const [key, count] of counts)
    lines.push(`  ${(LABELS[key] ?? LABELS.other)[language]}: ${count}`)
  for (const item of items) {
    if (item.outcome === 'invalid' || item.status === 'fout' || item.status === 'in_wachtrij') {
      lines.push(`  - ${item.organisation} ${item.name}: ${item.reason ?? ''}`)
    }
  }
  return `${lines.join('\n')}\n`
}

async function run(
  values: Record<string, string | true | undefined>,
  language: 'nl' | 'en',
): Promise<number> {
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
    const organisation = typeof values.organisation === 'string' ? values.organisation : undefined
    if (values.drift === true) {
      const summary = await checkDrift(payload, { organisationCode: organisation })
      process.stdout.write(
        language === 'nl'
          ? `Vergeleken: ${summary.checked}, met afwijkingen: ${summary.drifted}, niet te lezen: ${summary.failed}.\n`
          : `Compared: ${summary.checked}, with differences: ${summary.drifted}, unreadable: ${summary.failed}.\n`,
      )
      return summary.failed > 0 ? 2 : 0
    }
    const dryRun = values['dry-run'] === true
    const progress = createSyncProgressBar(language)
    const items = await syncDeliveries(payload, {
      organisation,
      dryRun,
      force: values.force === true,
      onProgress: progress.update,
    })
    progress.finish()
    process.stdout.write(formatSyncSummary(items, language, dryRun))
    const failed = items.some((item) => item.outcome === 'invalid' || item.status === 'fout')
    return failed ? 2 : 0
  } finally {
    if (payload) await closePayloadPool(payload)
    await database?.stop()
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2)
  const language =
    argv.includes('--lang=en') || argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en')
      ? 'en'
      : 'nl'
  let values: Record<string, string | true | undefined>
  try {
    values = parseCommandLine(argv, OPTIONS, { allowPositionals: false }).values
  } catch (error) {
    if (error instanceof CommandLineError) {
      process.stderr.write(`${error.text[language]}\n\n${USAGE[language]}\n`)
      return 1
    }
    throw error
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE[language]}\n`)
    return 0
  }
  return run(values, language)
}

runCommand(main, (error) => {
  reportStartFailure(error)
  return 1
})
