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

async function main(): Promise<void> {
  const started = Date.now()
  if (!dev && !noAdmin) {
    const build = await ensureAdminBuild(projectDir)
    if (build.built) console.log(`Beheeromgeving gebouwd in ${build.seconds} s.`)
  }
  if (!dev) (process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'
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
  } else {
    lines.push(
      '',
      `Nog geen gebruikers? Maak het eerste account aan op ${base}/admin: dat wordt platformbeheerder.`,
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
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  reportStartFailure(error)
  process.exit(1)
})
