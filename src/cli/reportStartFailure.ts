import { DatabaseStartError } from '../database/embeddedPostgres'
import { SettingsError } from '../boot/runtimeSettings'

/** Problems a person can fix get one clear sentence; anything else the full error. */
export function reportStartFailure(error: unknown): void {
  if (error instanceof DatabaseStartError || error instanceof SettingsError) {
    console.error(`\nHet register kon niet starten: ${error.message}\n`)
    return
  }
  const code = (error as { code?: string } | null)?.code
  if (code === 'EADDRINUSE') {
    console.error(
      `\nHet register kon niet starten: poort ${process.env.PORT ?? 3000} is al in gebruik. Kies een andere met PORT=...\n`,
    )
    return
  }
  if (code === 'ECONNREFUSED') {
    console.error(
      '\nHet register kon niet starten: de database in DATABASE_URL is niet bereikbaar.\n',
    )
    return
  }
  console.error('\nHet register kon niet starten:', error)
}
