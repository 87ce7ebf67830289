import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedPostgres } from '../host/database/embeddedPostgres'
import { ensureDatabase } from '../src/database/openDatabase'

/** A database used only by one benchmark run. */
export interface BenchDatabase {
  url: string
  /** "embedded" or "server". */
  kind: string
  dispose: () => Promise<void>
}

/**
 * A fresh database for the benchmark: a new database on the server in DATABASE_URL when that is
 * set, else an embedded PostgreSQL in a temporary folder. Never the register's own database.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `register_bench_${Date.now()}`
  const external = process.env.DATABASE_URL
  if (external) {
    const admin = new URL(external)
    admin.pathname = '/postgres'
    await ensureDatabase(admin.toString(), name)
    const url = new URL(external)
    url.pathname = `/${name}`
    return {
      url: url.toString(),
      kind: 'server (DATABASE_URL)',
      dispose: async () => {
        const client = new pg.Client({ connectionString: admin.toString() })
        await client.connect()
        try {
          await client.query(
            `DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`,
          )
        } finally {
          await client.end()
        }
      },
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-bench-'))
  fs.chmodSync(dir, 0o755)
  const server = await startEmbeddedPostgres({ dataDir: dir, port: 0 })
  await ensureDatabase(server.adminUrl, name)
  return {
    url: server.urlFor(name),
    kind: 'embedded',
    dispose: async () => {
      await server.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Applies the committed migrations, as `npm run migrate` does. */
export function migrateBenchDatabase(url: string, projectDir: string): void {
  execFileSync(
    process.execPath,
    [path.join(projectDir, 'scripts/run.mjs'), path.join(projectDir, 'host/cli/migrate.ts')],
    {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: url, PAYLOAD_SECRET: 'bench-secret', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
}
