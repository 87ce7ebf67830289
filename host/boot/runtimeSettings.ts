import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Everything the register reads from its environment, checked once at start. */
export interface RuntimeSettings {
  port: number
  dataDir: string
  databaseUrl?: string
  embeddedPort: number
  seedDemo: boolean
  jobsIntervalMs: number
  serverUrl: string
}

/** A setting a person can fix; reported as one sentence, without a stack trace. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SettingsError'
  }
}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(
      `${name} moet een geheel getal van ${min} tot ${max} zijn, niet '${raw}'.`,
    )
  }
  return value
}

/** Reads PORT, DATA_DIR, DATABASE_URL, EMBEDDED_PG_PORT, SEED_DEMO, JOBS_INTERVAL_MS, SERVER_URL. */
export function readRuntimeSettings(env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const port = integer(env, 'PORT', 3000, 0, 65535)
  const seed = (env.SEED_DEMO ?? 'true').toLowerCase()
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(seed)) {
    throw new SettingsError(`SEED_DEMO moet true of false zijn, niet '${env.SEED_DEMO}'.`)
  }
  if (env.DATABASE_URL && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    throw new SettingsError('DATABASE_URL moet beginnen met postgres:// of postgresql://.')
  }
  return {
    port,
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 0, 65535),
    seedDemo: ['true', '1', 'yes'].includes(seed),
    jobsIntervalMs: integer(env, 'JOBS_INTERVAL_MS', 10000, 100, 3_600_000),
    serverUrl: (env.SERVER_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
  }
}

/**
 * PAYLOAD_SECRET signs logins. Production with an external database must set it; a local
 * installation gets a random one, kept under DATA_DIR so logins survive a restart.
 */
export function ensurePayloadSecret(
  settings: RuntimeSettings,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (env.NODE_ENV === 'production' && settings.databaseUrl) {
    throw new SettingsError('Zet PAYLOAD_SECRET (een lange willekeurige tekst) voor productie.')
  }
  const file = path.join(settings.dataDir, 'payload-secret')
  let secret: string
  try {
    fs.mkdirSync(settings.dataDir, { recursive: true })
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    }
    secret = fs.readFileSync(file, 'utf8').trim()
  } catch (error) {
    throw new SettingsError(
      `De map in DATA_DIR (${settings.dataDir}) is niet bruikbaar: ${folderProblem(error)}. ` +
        'Kies met DATA_DIR een map waarin je mag schrijven.',
    )
  }
  if (secret.length < 16) {
    throw new SettingsError(`${file} bevat geen bruikbaar geheim. Verwijder het bestand.`)
  }
  env.PAYLOAD_SECRET = secret
  return secret
}

/** The reason a folder cannot be used, in words instead of an errno. */
function folderProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'daar staat een bestand in plaats van een map'
    case 'EISDIR':
      return 'payload-secret is een map in plaats van een bestand'
    case 'EACCES':
    case 'EPERM':
      return 'je hebt geen toestemming om daar te schrijven'
    case 'EROFS':
      return 'het bestandssysteem is alleen-lezen'
    case 'ENOSPC':
      return 'de schijf is vol'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
