import { DatabaseStartError } from '../database/embeddedPostgres'
import { SettingsError } from '../boot/runtimeSettings'
import { cliLogger } from '../logging/registerLogger'

/** Problems a person can fix get one clear sentence; anything else the full error. */
export function reportStartFailure(error: unknown): void {
  if (error instanceof DatabaseStartError || error instanceof SettingsError) {
    cliLogger.error(`Het register kon niet starten: ${error.message}`)
    return
  }
  const code = (error as { code?: string } | null)?.code
  if (code === 'EADDRINUSE') {
    cliLogger.error(
      `Het register kon niet starten: poort ${process.env.PORT ?? 3000} is al in gebruik. Kies een andere met PORT=...`,
    )
    return
  }
  if (code === 'ECONNREFUSED') {
    cliLogger.error(
      'Het register kon niet starten: de database in DATABASE_URL is niet bereikbaar.',
    )
    return
  }
  cliLogger.error({ err: error }, 'Het register kon niet starten')
}
