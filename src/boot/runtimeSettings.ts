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

export class SettingsError extends Error {}

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
  fs.mkdirSync(settings.dataDir, { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  const secret = fs.readFileSync(file, 'utf8').trim()
  env.PAYLOAD_SECRET = secret
  return secret
}
