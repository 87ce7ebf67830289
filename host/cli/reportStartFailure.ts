import { DatabaseStartError } from '../database/embeddedPostgres'
import { SettingsError } from '../boot/runtimeSettings'
import { cliLogger } from '../../src/logging/registerLogger'

const PREFIX = 'Het register kon niet starten: '

/** One sentence for the person at the terminal: plain text, not a log line. */
function tell(sentence: string): void {
  process.stderr.write(`\n${PREFIX}${sentence}\n\n`)
}

/** Problems a person can fix get one clear sentence; anything else the full error, logged. */
export function reportStartFailure(error: unknown): void {
  if (error instanceof DatabaseStartError || error instanceof SettingsError) {
    tell(error.message)
    return
  }
  const code = (error as { code?: string } | null)?.code
  if (code === 'EADDRINUSE') {
    tell(`poort ${process.env.PORT ?? 3000} is al in gebruik. Kies een andere met PORT=...`)
    return
  }
  if (code === 'ECONNREFUSED') {
    tell('de database in DATABASE_URL is niet bereikbaar.')
    return
  }
  cliLogger.error({ err: error }, 'Het register kon niet starten')
}
