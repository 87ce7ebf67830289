import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedPostgres, type RunningPostgres } from '../../src/database/embeddedPostgres'
import { ensureDatabase } from '../../src/database/openDatabase'

export interface TestDatabase {
  url: string
  /**
   * A copy of the database (made with PostgreSQL's CREATE DATABASE ... TEMPLATE, so a migrated
   * database is copied in well under a second) for another Jest worker; dropped with this one.
   */
  copy: (suffix: string) => Promise<string>
  /** Drops the database and its copies (external server) or stops and deletes the embedded cluster. */
  dispose: () => Promise<void>
  /** Connection string of the server's maintenance database (to create more databases). */
  adminUrl: string
}

async function copyDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(
      `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`,
    )
  } finally {
    await client.end()
  }
}

/**
 * A fresh database for a test run: an embedded cluster in a temporary folder, or, when
 * DATABASE_URL is given, a uniquely named database on that server, dropped afterwards.
 */
export async function createTestDatabase(externalUrl: string | undefined): Promise<TestDatabase> {
  const name = `register_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  if (externalUrl) {
    const adminUrl = new URL(externalUrl)
    adminUrl.pathname = '/postgres'
    await ensureDatabase(adminUrl.toString(), name)
    const url = new URL(externalUrl)
    url.pathname = `/${name}`
    const names = [name]
    return {
      url: url.toString(),
      adminUrl: adminUrl.toString(),
      copy: async (suffix) => {
        const copyName = `${name}_${suffix}`
        await copyDatabase(adminUrl.toString(), name, copyName)
        names.push(copyName)
        const copyUrl = new URL(externalUrl)
        copyUrl.pathname = `/${copyName}`
        return copyUrl.toString()
      },
      dispose: async () => {
        const client = new pg.Client({ connectionString: adminUrl.toString() })
        await client.connect()
        try {
          for (const each of names) {
            await client.query(
              `DROP DATABASE IF EXISTS ${client.escapeIdentifier(each)} WITH (FORCE)`,
            )
          }
        } finally {
          await client.end()
        }
      },
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-test-'))
  fs.chmodSync(dir, 0o755)
  let server: RunningPostgres | undefined
  try {
    server = await startEmbeddedPostgres({ dataDir: dir, port: 0 })
    await ensureDatabase(server.adminUrl, name)
  } catch (error) {
    await server?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const running = server
  return {
    url: running.urlFor(name),
    adminUrl: running.adminUrl,
    copy: async (suffix) => {
      await copyDatabase(running.adminUrl, name, `${name}_${suffix}`)
      return running.urlFor(`${name}_${suffix}`)
    },
    dispose: async () => {
      await running.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Applies the committed migrations in a child process (as `npm run migrate` would). Retried
 * when the child dies before finishing: on a heavily loaded machine Node 20's off-thread
 * module loader (used by tsx) occasionally never finishes loading and the process exits with
 * code 13 ("unsettled top-level await") or 0 without doing anything.
 */
export function migrateDatabase(url: string, projectDir: string): void {
  let last = ''
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const result = spawnSync(
      process.execPath,
      [path.join(projectDir, 'scripts/run.mjs'), path.join(projectDir, 'src/cli/migrate.ts')],
      {
        cwd: projectDir,
        env: {
          ...process.env,
          DATABASE_URL: url,
          PAYLOAD_SECRET: 'test-secret',
          NODE_ENV: 'test',
          TSX_DISABLE_CACHE: '1',
        },
        encoding: 'utf8',
        timeout: 120_000,
      },
    )
    last = `${result.stdout ?? ''}${result.stderr ?? ''} (exit ${result.status})`
    if (result.status === 0 && last.includes('Migraties zijn bijgewerkt')) return
    // 0 without the success line, 13 (unsettled await) or null (hung, killed by the timeout)
    // are the loader failure; anything else is a real migration error.
    if (result.status !== 0 && result.status !== 13 && result.status !== null) break
  }
  throw new Error(`Migrating the test database did not finish:\n${last}`)
}
