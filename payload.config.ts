import path from 'node:path'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import { buildConfig } from 'payload'

import { poolTimeouts } from './src/database/databaseSettings'
import { registerEmailAdapter, mailSettingsFromEnv } from './src/email/registerEmailAdapter'
import { payloadLogger } from './src/logging/registerLogger'
import { signInOptionsFromEnv } from './src/auth/signInOptions'
import { algorithmRegister } from './src/plugin'
import { projectRoot } from './src/projectRoot'
import { edgeProtections } from './host/server/edgeProtections'
import { edgeSettingsFromEnv } from './host/server/edgeSettings'

const dirname = projectRoot
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(dirname, '.data'))

/**
 * The register as a Payload app: PostgreSQL with committed migrations (never schema push),
 * the algorithmRegister plugin for the content model, Dutch admin with English available.
 * DATABASE_URL and PAYLOAD_SECRET are set by `npm start` (embedded database) or the environment.
 */
export default buildConfig({
  secret: process.env.PAYLOAD_SECRET ?? '',
  serverURL: process.env.SERVER_URL,
  telemetry: false,
  logger: payloadLogger,
  db: postgresAdapter({
    pool: {
      connectionString: process.env.DATABASE_URL ?? 'postgres://localhost:5432/register',
      max: Number(process.env.DATABASE_POOL_MAX ?? 20),
      // A database that is away or hung gives an error within seconds, never a request that hangs.
      ...poolTimeouts(),
    },
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  editor: lexicalEditor(),
  email: registerEmailAdapter(mailSettingsFromEnv(process.env, dataDir)),
  admin: {
    user: 'users',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' – Algoritmeregister' },
    // Dutch-style dates ("23 november 2026 14:05") and no external avatar service.
    dateFormat: 'd MMMM yyyy HH:mm',
    avatar: 'default',
  },
  // The register is Dutch first: Dutch admin unless a user picks English.
  i18n: { supportedLanguages: { nl, en }, fallbackLanguage: 'nl' },
  graphQL: { disablePlaygroundInProduction: true },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  plugins: [
    algorithmRegister({
      serverUrl: process.env.SERVER_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
      // A stand-alone register: the first account on an empty database sets it up.
      firstUserIsPlatformAdmin: true,
      // PASSWORD_LOGIN, PLATFORM_ADMIN_SECOND_FACTOR, SESSION_IDLE_MINUTES, OIDC_PROVIDERS.
      signIn: signInOptionsFromEnv(process.env),
      // The register's own public pages (search, descriptions, organisations) on NL Design System.
      publicPages: { basePath: '/algoritmes' },
    }),
    // GraphQL alias/depth limits and deadline, serialised session writes (after the plugin, so
    // they cover its collections).
    edgeProtections(edgeSettingsFromEnv()),
  ],
})
