/**
 * `npm run restore -- <file> [--force] [--anchor <sequence>:<hash>]`: puts a backup made by
 * `npm run backup` into the register's database (DATABASE_URL, or the embedded one in DATA_DIR,
 * created when missing), then verifies the audit chain. Refuses a database that is in use or,
 * without --force, not empty.
 * Exit code 0: restored, chain intact. 1: restored, chain broken or not ending at the anchor.
 * 2: nothing restored.
 */
import { readRuntimeSettings, SettingsError } from '../boot/runtimeSettings'
import { attachRegisterDatabase } from '../../src/database/attachRegisterDatabase'
import { checkArchive, RestoreRefused, restoreDatabase } from '../../src/database/backupRestore'
import { DatabaseStartError } from '../database/embeddedPostgres'
import { BackupError, findPostgresTool } from '../../src/database/postgresClientTools'
import { parseRestoreArguments, RESTORE_USAGE, restoreReport, UsageError } from './backupArguments'

async function main(): Promise<number> {
  const args = parseRestoreArguments(process.argv.slice(2))
  if (args.help || !args.file) {
    console.log(RESTORE_USAGE)
    return 0
  }
  // Before starting or creating any database: a wrong file name changes nothing.
  checkArchive(args.file)
  const settings = readRuntimeSettings()
  const tool = findPostgresTool('pg_restore')
  const database = await attachRegisterDatabase(settings, { createMissing: true })
  try {
    if (database.runningRegisterPid) {
      throw new RestoreRefused(
        `Het register draait op ${database.where} (pid ${database.runningRegisterPid}). ` +
          'Stop het register eerst: een restore vervangt alle gegevens.',
      )
    }
    const result = await restoreDatabase(database.url, args.file, tool, {
      force: args.force,
      anchor: args.anchor,
      where: database.where,
    })
    const report = restoreReport(result, database.where)
    if (report.code === 0) console.log(report.text)
    else console.error(report.text)
    return report.code
  } finally {
    await database.stop()
  }
}

function reportFailure(error: unknown): void {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${RESTORE_USAGE}`)
  } else if (
    error instanceof BackupError ||
    error instanceof SettingsError ||
    error instanceof DatabaseStartError
  ) {
    console.error(`Er is niets teruggezet: ${error.message}`)
  } else {
    console.error('Er is niets teruggezet:', error)
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    reportFailure(error)
    process.exit(2)
  })
