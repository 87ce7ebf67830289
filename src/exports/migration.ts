import { REGISTER_DATABASE_DOWN, REGISTER_DATABASE_UP } from '../schema/registerDatabaseObjects'

/**
 * A predefined migration in the format of `payload migrate:create --file <module>`: Payload
 * writes these statements into a new migration file of the host, so the host's migration
 * history holds them literally (a later version of the plugin cannot change an applied
 * migration). Run it once, after the migration that created the register's tables:
 *
 * ```sh
 * npx payload migrate:create                      # the register's collections
 * npx payload migrate:create register --file @algoritmeregister/payload-plugin/migration
 * npx payload migrate
 * ```
 */
const statement = (text: string): string =>
  `await db.execute(sql\`\n${text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\n\`)`

export const upSQL = statement(REGISTER_DATABASE_UP)
export const downSQL = statement(REGISTER_DATABASE_DOWN)
export const imports = ''
