/**
 * `npm run backup [-- --out <file>]`: a pg_dump archive (custom format) of the register's
 * database: the embedded one in DATA_DIR (connecting to it when `npm start` runs, starting it
 * for the duration otherwise) or the server in DATABASE_URL. Prints what it wrote, with the
 * last audit event as an anchor to check a restore against.
 * Exit code 0: written. 2: nothing written.
 */
import fs from 'node:fs'

import { readRuntimeSettings, SettingsError } from '../boot/runtimeSettings'
import { attachRegisterDatabase } from '../../src/database/attachRegisterDatabase'
import { backupDatabase } from '../../src/database/backupRestore'
import { DatabaseStartError } from '../database/embeddedPostgres'
import { BackupError, findPostgresTool } from '../../src/database/postgresClientTools'
import {
  BACKUP_USAGE,
  backupReport,
  defaultBackupFile,
  parseBackupArguments,
  UsageError,
} from './backupArguments'

async function main(): Promise<number> {
  const args = parseBackupArguments(process.argv.slice(2))
  if (args.help) {
    console.log(BACKUP_USAGE)
    return 0
  }
  const settings = readRuntimeSettings()
  const tool = findPostgresTool('pg_dump')
  const database = await attachRegisterDatabase(settings, { createMissing: false })
  try {
    const file =
      args.out ?? defaultBackupFile(database.kind, settings.dataDir, process.cwd(), new Date())
    if (fs.existsSync(file)) {
      throw new BackupError(`${file} bestaat al. Kies met --out een andere naam.`)
    }
    if (database.runningRegisterPid) {
      console.log(
        `Het register draait (pid ${database.runningRegisterPid}); de back-up wordt gemaakt ` +
          'van de draaiende database, in één consistente momentopname.',
      )
    }
    const result = await backupDatabase(database.url, file, tool)
    console.log(backupReport(result))
    return 0
  } finally {
    await database.stop()
  }
}

function reportFailure(error: unknown): void {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${BACKUP_USAGE}`)
  } else if (
    error instanceof BackupError ||
    error instanceof SettingsError ||
    error instanceof DatabaseStartError
  ) {
    console.error(`Er is geen back-up gemaakt: ${error.message}`)
  } else {
    console.error('Er is geen back-up gemaakt:', error)
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    reportFailure(error)
    process.exit(2)
  })
