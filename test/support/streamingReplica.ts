import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

/** A PostgreSQL primary and a streaming replica of it, started for one test file. */
export interface StreamingPair {
  /** Connection string of `database` on the primary. */
  primaryUrl: string
  /** Connection string of the same database on the replica. */
  replicaUrl: string
  /** Runs one statement on the replica's `database` (e.g. pg_wal_replay_pause()). */
  onReplica: <Row extends Record<string, unknown>>(text: string) => Promise<Row[]>
  /** Waits until the replica has replayed everything the primary wrote so far. */
  waitForReplay: (timeoutMs?: number) => Promise<void>
  stop: () => Promise<void>
}

/** A folder with initdb, pg_ctl and pg_basebackup: PG_BIN_DIR, pg_config, or a Debian path. */
export function findServerBinaries(env: Record<string, string | undefined> = process.env): string {
  const candidates: string[] = []
  if (env.PG_BIN_DIR) candidates.push(env.PG_BIN_DIR)
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim())
  } catch (_error) {
    // No pg_config on the PATH.
  }
  const debian = '/usr/lib/postgresql'
  if (fs.existsSync(debian)) {
    for (const version of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(path.join(debian, version, 'bin'))
  }
  const found = candidates.find((dir) =>
    ['initdb', 'pg_ctl', 'pg_basebackup'].every((name) => fs.existsSync(path.join(dir, name))),
  )
  if (!found) {
    throw new Error(
      'The replica test needs PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup): set PG_BIN_DIR.',
    )
  }
  return found
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** PostgreSQL refuses to run as root: then run its tools as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
  return { uid, gid }
}

/**
 * Starts a primary (wal_level=replica) and a replica made with `pg_basebackup -R` on free local
 * ports in a temporary folder, and creates `database` on the primary (the replica receives it
 * through replication).
 */
export async function startStreamingPair(database: string): Promise<StreamingPair> {
  const bin = findServerBinaries()
  const user = runAs()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-replica-'))
  fs.chmodSync(dir, 0o755)
  if (user) fs.chownSync(dir, user.uid, user.gid)
  const primaryDir = path.join(dir, 'primary')
  const replicaDir = path.join(dir, 'replica')
  const run = (tool: string, args: string[]) => {
    const options: SpawnSyncOptions = { cwd: dir, encoding: 'utf8', ...(user ?? {}) }
    const result = spawnSync(path.join(bin, tool), args, options)
    if (result.status !== 0) {
      throw new Error(`${tool} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
    }
  }
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  const started: string[] = []
  const stopAll = () => {
    for (const data of started.reverse()) {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w'])
      } catch (_error) {
        // Already stopped.
      }
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'])
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        'fsync = off',
        '',
      ].join('\n'),
    )
    run('pg_ctl', ['start', '-D', primaryDir, '-w', '-l', path.join(dir, 'primary.log')])
    started.push(primaryDir)
    const host = `postgres://postgres@127.0.0.1`
    const admin = new pg.Client({ connectionString: `${host}:${primaryPort}/postgres` })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`)
    await admin.end()
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
    ])
    fs.appendFileSync(
      path.join(replicaDir, 'postgresql.auto.conf'),
      `port = ${replicaPort}\nhot_standby = on\n`,
    )
    run('pg_ctl', ['start', '-D', replicaDir, '-w', '-l', path.join(dir, 'replica.log')])
    started.push(replicaDir)
  } catch (error) {
    stopAll()
    throw error
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${database}`
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/${database}`
  const onReplica = async <Row extends Record<string, unknown>>(text: string) => {
    const client = new pg.Client({ connectionString: replicaUrl })
    await client.connect()
    try {
      return (await client.query(text)).rows as Row[]
    } finally {
      await client.end()
    }
  }
  const waitForReplay = async (timeoutMs = 20000) => {
    const client = new pg.Client({ connectionString: primaryUrl })
    await client.connect()
    try {
      const target = String(
        (await client.query('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn,
      )
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const [row] = await onReplica<{ caught: boolean }>(
          `SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn AS caught`,
        )
        if (row?.caught) return
        if (Date.now() > deadline) throw new Error(`replica did not replay up to ${target}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    } finally {
      await client.end()
    }
  }
  return {
    primaryUrl,
    replicaUrl,
    onReplica,
    waitForReplay,
    stop: async () => stopAll(),
  }
}
