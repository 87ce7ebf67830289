/**
 * Server-side parts for a host: the public API as a Web-standard handler and a Next.js route,
 * the register's database objects (for a hand-written migration or a check at start-up). The admin components are in `/client` and `/rsc`, the
 * predefined migration for `payload migrate:create --file` in `/migration`.
 */
import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

import { REGISTER_DATABASE_DOWN, REGISTER_DATABASE_UP } from '../schema/registerDatabaseObjects'

export {
  createPublicApiHandler,
  createPublicApiRoute,
  type PublicApiHandler,
  type PublicApiHandlerOptions,
  type PublicApiRoute,
} from '../publicApi/publicApiHandler'
export { PUBLIC_API_BASE_PATH, PUBLIC_API_VERSION } from '../publicApi/publicApi'
export { missingDatabaseObjects } from '../schema/missingDatabaseObjects'
export {
  REGISTER_DATABASE_DOWN,
  REGISTER_DATABASE_UP,
  REGISTER_GUARD_TRIGGERS,
} from '../schema/registerDatabaseObjects'

/**
 * The register's database objects as migration steps, for a host that writes its migration by
 * hand: `export const up = registerDatabaseObjects.up` (after the register's tables exist).
 */
export const registerDatabaseObjects = {
  up: async ({ db }: MigrateUpArgs): Promise<void> => {
    await db.execute(sql.raw(REGISTER_DATABASE_UP))
  },
  down: async ({ db }: MigrateDownArgs): Promise<void> => {
    await db.execute(sql.raw(REGISTER_DATABASE_DOWN))
  },
}
export {
  createPublicPagesHandler,
  type PublicPagesHandler,
  type PublicPagesHandlerOptions,
} from '../publicPages/publicPagesHandler'
