import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedPostgres, type RunningPostgres } from '../../host/database/embeddedPostgres'
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

/** Applies the committed migrations in a child process, as `npm run migrate` would. */
export function migrateDatabase(url: string, projectDir: string): void {
  const result = spawnSync(
    process.execPath,
    [path.join(projectDir, 'scripts/run.mjs'), path.join(projectDir, 'host/cli/migrate.ts')],
    {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: url, PAYLOAD_SECRET: 'test-secret', NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  if (result.status === 0 && output.includes('Migraties zijn bijgewerkt')) return
  throw new Error(`Migrating the test database did not finish:\n${output} (exit ${result.status})`)
}
