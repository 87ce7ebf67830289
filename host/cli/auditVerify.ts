/**
 * `npm run audit:verify [-- --anchor <sequence>:<hash>]`: checks the whole audit chain in
 * DATABASE_URL (or the embedded database under DATA_DIR).
 * Exit code 0: intact. 1: broken (the first broken event is named). 2: could not check.
 */

import pg from 'pg'

import { readRuntimeSettings } from '../boot/runtimeSettings'
import { openDatabase } from '../../src/database/openDatabase'
import type { ChainAnchor } from '../../src/audit/verifyAuditChain'
import { verifyAuditChainInDatabase } from '../../src/audit/verifyAuditChainInDatabase'
import { SettingsError } from '../boot/runtimeSettings'
import { DatabaseStartError } from '../database/embeddedPostgres'
import { cliLogger } from '../../src/logging/registerLogger'
import { CommandLineError, parseCommandLine } from './parseCommandLine'
import { runCommand } from './runCommand'

const USAGE = `Gebruik / usage: npm run audit:verify [-- --anchor <volgnummer>:<hash>]

Controleert of de geschiedenis (audit_events) een ongebroken keten is.
Checks that the audit history (audit_events) is an unbroken chain.

  --anchor 1234:ab12…  een eerder bewaarde laatste gebeurtenis; die moet er nog precies zo zijn
                       a head saved earlier; it must still be there, unchanged

Exitcode 0 = in orde / intact, 1 = gebroken / broken, 2 = kon niet controleren / could not check.`

class UsageError extends Error {}

function parseAnchor(value: string | undefined): ChainAnchor | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim())
  if (!match) {
    throw new UsageError(
      `--anchor moet de vorm <volgnummer>:<hash van 64 tekens> hebben, niet '${value}'.`,
    )
  }
  return { sequence: Number(match[1]), hash: match[2] }
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(
    process.argv.slice(2),
    { anchor: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    { allowPositionals: false },
  )
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const anchor = parseAnchor(values.anchor)
  const settings = readRuntimeSettings()
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    embeddedPort: settings.embeddedPort,
  })
  const pool = new pg.Pool({ connectionString: database.url, max: 1 })
  pool.on('error', () => undefined)
  try {
    const table = await pool.query("SELECT to_regclass('public.audit_events') AS name")
    if (!table.rows[0]?.name) {
      cliLogger.error(
        'Deze database heeft nog geen geschiedenis (tabel audit_events ontbreekt). Draai eerst npm run migrate.\n' +
          'This database has no audit history yet (table audit_events is missing). Run npm run migrate first.',
      )
      return 2
    }
    const report = await verifyAuditChainInDatabase(pool, { anchor })
    if (report.ok) {
      process.stdout.write(
        `De geschiedenis is in orde: ${report.checked} gebeurtenissen gecontroleerd.\n` +
          `The audit history is intact: ${report.checked} events checked.\n` +
          (report.lastSequence > 0
            ? `Laatste gebeurtenis / last event: ${report.lastSequence}\n` +
              `Bewaar dit anker buiten de database / keep this anchor outside the database:\n` +
              `  --anchor ${report.lastSequence}:${report.lastHash}`
            : 'Er zijn nog geen gebeurtenissen / there are no events yet.') +
          '\n',
      )
      return 0
    }
    const broken = report.firstBreak
    process.stderr.write(
      `De geschiedenis is NIET in orde. Eerste fout bij gebeurtenis ${broken?.sequence}` +
        `${broken?.id === undefined ? '' : ` (id ${broken.id})`}: ${broken?.message}\n` +
        `The audit history is BROKEN. First problem at event ${broken?.sequence}` +
        `${broken?.id === undefined ? '' : ` (id ${broken.id})`}: ${broken?.messageEn}\n` +
        `(${report.checked} gebeurtenissen bekeken / events read; soort / kind: ${broken?.problem})\n`,
    )
    return 1
  } finally {
    await Promise.race([pool.end().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))])
    await database.stop()
  }
}

/** Says why the check could not run; a person can fix these, so one clear sentence each. */
function reportFailure(error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`)
  } else if (error instanceof CommandLineError) {
    process.stderr.write(`${error.text.nl}\n${error.text.en}\n\n${USAGE}\n`)
  } else if (error instanceof SettingsError || error instanceof DatabaseStartError) {
    cliLogger.error(`De controle kon niet worden uitgevoerd / could not check: ${error.message}`)
  } else if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000') {
    cliLogger.error(
      `De database is niet bereikbaar / the database cannot be reached: ${(error as Error).message}`,
    )
  } else {
    cliLogger.error({ err: error }, 'De controle kon niet worden uitgevoerd / could not check')
  }
}

runCommand(
  main,
  (error) => {
    reportFailure(error)
    return 2
  },
  2,
)
