/**
 * `npm start`: builds the admin when needed, then starts the whole register (embedded
 * PostgreSQL unless DATABASE_URL is set, migrations, demo data on the first run, admin, APIs).
 * `npm run dev` (--dev) serves the admin through Next's dev server instead of a build.
 */
import { projectDir } from './projectDir'
import { ensureAdminBuild } from './adminBuild'
import { reportStartFailure } from './reportStartFailure'

const dev = process.argv.includes('--dev')
const noAdmin = process.env.ADMIN === 'false'

/** A stop asked for while the register was still starting (SIGINT/SIGTERM). */
let stopRequested: string | undefined
/** Cancels a running admin build when a stop is asked for. */
const buildAbort = new AbortController()

function requestStopDuringStart(signal: string): void {
  if (stopRequested) return
  stopRequested = signal
  console.log(`\n${signal} ontvangen tijdens het starten: het register stopt zodra dat kan...`)
  buildAbort.abort()
}

/**
 * The event loop ran empty before the register was serving. Seen on Node 20 under heavy load
 * when this file ran through tsx (`node --import tsx`): a dynamic import through the off-thread
 * module loader never settled, and the process ended silently with exit code 0, which a
 * supervisor takes for a deliberate stop. `npm start` now runs a bundle (scripts/run.mjs); the
 * guard stays for other ways of starting.
 */
function onStalledStart(): void {
  console.error(
    '\nHet register kon niet starten: het laden van de programmacode liep vast ' +
      '(waarschijnlijk een fout in de modulelader van Node.js 20 op een zwaar belaste machine). ' +
      'Start het register opnieuw.\n',
  )
  process.exit(1)
}

async function main(): Promise<void> {
  const started = Date.now()
  process.on('beforeExit', onStalledStart)
  // Until the register runs, a stop request must not kill this process outright: the database
  // runs in its own process group and would be left behind.
  const onEarlySigint = () => requestStopDuringStart('SIGINT')
  const onEarlySigterm = () => requestStopDuringStart('SIGTERM')
  process.on('SIGINT', onEarlySigint)
  process.on('SIGTERM', onEarlySigterm)
  if (!dev && !noAdmin) {
    const build = await ensureAdminBuild(projectDir, { signal: buildAbort.signal })
    if (build.built) console.log(`Beheeromgeving gebouwd in ${build.seconds} s.`)
  }
  if (stopRequested) {
    console.log('Gestopt.')
    process.exit(0)
  }
  // Next's types mark NODE_ENV read-only; at run time it is an ordinary variable.
  const env: Record<string, string | undefined> = process.env
  if (!dev) env.NODE_ENV ??= 'production'
  const { startRegister } = await import('../boot/startRegister')
  const register = await startRegister({
    admin: noAdmin ? false : dev ? 'development' : 'production',
    projectDir,
  })
  const base = register.settings.serverUrl
  const lines = [
    '',
    `Het algoritmeregister draait (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    `  Beheer:        ${base}/admin`,
    `  Publieke API:  ${base}/register/v1/algorithms`,
    `  REST-API:      ${base}/api`,
    `  GraphQL:       ${base}/api/graphql`,
    `  Status:        ${base}/health`,
    `  Database:      ${register.database.kind === 'embedded' ? `ingebouwd, in ${register.settings.dataDir}` : 'DATABASE_URL'}`,
  ]
  if (register.demoLogins) {
    lines.push('', 'Demo-accounts (alleen voor deze lokale demo; verzonnen organisaties):')
    for (const login of register.demoLogins) {
      lines.push(
        `  ${login.role.padEnd(34)} ${login.email.padEnd(36)} wachtwoord: ${login.password}`,
      )
    }
  } else if (register.userCount === 0) {
    lines.push(
      '',
      `Nog geen gebruikers: maak het eerste account aan op ${base}/admin. Dat account wordt platformbeheerder.`,
    )
  }
  console.log(lines.join('\n'))

  let shuttingDown = false
  const shutdown = (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    console.log(`\n${signal} ontvangen: lopende verzoeken afmaken en netjes stoppen...`)
    register
      .stop()
      .then(() => {
        console.log('Gestopt.')
        process.exit(0)
      })
      .catch((error: unknown) => {
        console.error('Stoppen ging niet helemaal goed:', error)
        process.exit(1)
      })
  }
  process.off('beforeExit', onStalledStart)
  process.off('SIGINT', onEarlySigint)
  process.off('SIGTERM', onEarlySigterm)
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  if (stopRequested) shutdown(stopRequested)
}

main().catch((error: unknown) => {
  if (stopRequested && (error as Error | null)?.name === 'AbortError') {
    console.log('Het bouwen van de beheeromgeving is afgebroken. Gestopt.')
    process.exit(0)
  }
  reportStartFailure(error)
  process.exit(1)
})
