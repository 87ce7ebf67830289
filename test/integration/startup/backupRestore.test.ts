/**
 * The backup and restore drill: a register with published algorithms and a history is backed
 * up with `npm run backup`, restored with `npm run restore` into a fresh database, and then
 * the audit chain ends at the same event and the public API answers byte for byte the same.
 * Runs on the suite's database: embedded by default, the server when DATABASE_URL is set.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import { verifyAuditChainInDatabase } from '../../../src/audit/verifyAuditChainInDatabase'
import { withDatabase } from '../../../src/database/postgresClientTools'
import { runCli } from '../../support/runCli'
import { startPublicApiServer, type PublicApiProcess } from '../../support/startPublicApiServer'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createTeam, getPublic, publish, republish, withdraw } from '../publicApi/publicApiFixtures'

const sourceUrl = process.env.REGISTER_TEST_DATABASE_URL as string
const restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`
const restoredUrl = withDatabase(sourceUrl, restoredName)
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-backup-'))
const archive = path.join(workDir, 'register.dump')
/** pg_dump and pg_restore behind a wrapper that records the arguments they were given. */
const shimDir = path.join(workDir, 'bin')
const argvLog = path.join(workDir, 'argv.log')

let app: TestApp
let restoredServer: PublicApiProcess | undefined
let paths: string[] = []
const before = new Map<string, { status: number; type: string | null; text: string }>()

function installRecordingShims(): void {
  fs.mkdirSync(shimDir)
  for (const tool of ['pg_dump', 'pg_restore']) {
    const real = ['/usr/bin', ...(process.env.PATH ?? '').split(':')]
      .map((folder) => path.join(folder, tool))
      .find((candidate) => fs.existsSync(candidate))
    if (!real) throw new Error(`${tool} is not installed (apt-get install postgresql-client)`)
    fs.writeFileSync(
      path.join(shimDir, tool),
      `#!/bin/sh\nprintf '%s\\n' "${tool} $*" >> '${argvLog}'\nexec '${real}' "$@"\n`,
      { mode: 0o755 },
    )
  }
}

async function chainHead(url: string): Promise<{ sequence: number; hash: string }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const report = await verifyAuditChainInDatabase(client)
    expect(report.ok).toBe(true)
    return { sequence: report.lastSequence, hash: report.lastHash }
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  installRecordingShims()
  app = await testApp()
  const team = await createTeam(app.payload, app.url)
  const first = await publish(app.payload, app.url, team, { name: 'Parkeervergunningen toekennen' })
  const second = await publish(app.payload, app.url, team, { name: 'Éénmalige uitkering' })
  const third = await publish(app.payload, app.url, team, {
    name: 'Zwemwaterkwaliteit voorspellen',
  })
  await republish(app.url, team, first.id, { provider: 'Eigen beheer' }, 'Leverancier aangevuld.')
  await withdraw(app.url, team, third.id)
  paths = [
    '/algorithms',
    `/algorithms?organisation=${team.organisation.code}&sort=name`,
    `/algorithms/${first.lars}`,
    `/algorithms/${second.lars}`,
    `/algorithms/${third.lars}`,
    '/downloads/algorithms.csv',
    '/downloads/algorithms.json',
  ]
  for (const each of paths) {
    const answer = await getPublic(app.url, each)
    before.set(each, {
      status: answer.status,
      type: answer.headers.get('content-type'),
      text: answer.text,
    })
  }
})

afterAll(async () => {
  await restoredServer?.stop()
  await closeTestApp()
  // Only the database this file created.
  const admin = new pg.Client({ connectionString: withDatabase(sourceUrl, 'postgres') })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(restoredName)} WITH (FORCE)`)
  await admin.end()
  fs.rmSync(workDir, { recursive: true, force: true })
})

describe('npm run backup and npm run restore', () => {
  let anchor: string

  it('backs up the running register and names the last audit event as the anchor', async () => {
    const head = await chainHead(sourceUrl)
    const result = await runCli('backup', ['--out', archive], {
      DATABASE_URL: sourceUrl,
      PG_BIN_DIR: shimDir,
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`Back-up gemaakt: ${archive}`)
    expect(result.stdout).toMatch(/grootte: +\d/)
    expect(result.stdout).toContain(`gebeurtenis ${head.sequence}, hash ${head.hash}`)
    const password = decodeURIComponent(new URL(sourceUrl).password)
    if (password) expect(result.stdout).not.toContain(password)
    expect(fs.readFileSync(archive).subarray(0, 5).toString()).toBe('PGDMP')
    // The archive holds password hashes: only its owner may read it.
    expect(fs.statSync(archive).mode & 0o077).toBe(0)
    anchor = `${head.sequence}:${head.hash}`
  })

  it('restores into a fresh database: the chain ends at the same event', async () => {
    const result = await runCli('restore', [archive, '--anchor', anchor], {
      DATABASE_URL: restoredUrl,
      PG_BIN_DIR: shimDir,
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('De geschiedenis is in orde')
    expect(result.stdout).toContain('eindigt precies bij het anker')
    expect(await chainHead(restoredUrl)).toEqual(await chainHead(sourceUrl))
  })

  it('npm run audit:verify finds the restored history intact, with the same anchor', async () => {
    const result = await runCli('auditVerify', ['--anchor', anchor], {
      DATABASE_URL: restoredUrl,
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`--anchor ${anchor}`)
  })

  it('serves the same public API from the restored database, byte for byte', async () => {
    restoredServer = await startPublicApiServer(restoredUrl)
    for (const each of paths) {
      const answer = await getPublic(restoredServer.url, each)
      const expected = before.get(each)
      expect({
        path: each,
        status: answer.status,
        type: answer.headers.get('content-type'),
      }).toEqual({ path: each, status: expected?.status, type: expected?.type })
      expect(answer.text).toBe(expected?.text)
    }
    expect(before.get('/downloads/algorithms.csv')?.text).toContain('Parkeervergunningen')
  })

  it('refuses to restore over a database in use or not empty, and changes nothing', async () => {
    const head = await chainHead(restoredUrl)
    const inUse = await runCli('restore', [archive, '--force'], { DATABASE_URL: restoredUrl })
    expect(inUse.code).toBe(2)
    expect(inUse.stderr).toContain('Er is niets teruggezet')
    expect(inUse.stderr).toContain('is in gebruik')
    await restoredServer?.stop()
    restoredServer = undefined

    const notEmpty = await runCli('restore', [archive], { DATABASE_URL: restoredUrl })
    expect(notEmpty.code).toBe(2)
    expect(notEmpty.stderr).toContain(`is niet leeg`)
    expect(notEmpty.stderr).toContain('--force')
    expect(await chainHead(restoredUrl)).toEqual(head)
  })

  it('with --force replaces a register database, append-only tables included', async () => {
    const result = await runCli('restore', [archive, '--force', '--anchor', anchor], {
      DATABASE_URL: restoredUrl,
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('eindigt precies bij het anker')
  })

  it('never puts the connection (or its password) on a command line or in its output', () => {
    const password = decodeURIComponent(new URL(sourceUrl).password)
    const recorded = fs.readFileSync(argvLog, 'utf8')
    expect(recorded).toMatch(/^pg_dump .*--format=custom/m)
    expect(recorded).toMatch(/^pg_restore .*--single-transaction/m)
    expect(recorded).not.toContain('postgres://')
    expect(recorded).not.toContain('@127.0.0.1')
    if (password) expect(recorded).not.toContain(password)
  })

  it('refuses a pg_dump older than the server, and leaves no half-written file', async () => {
    const fakes = path.join(workDir, 'fake')
    fs.mkdirSync(fakes)
    const fake = (version: string, body: string) =>
      fs.writeFileSync(
        path.join(fakes, 'pg_dump'),
        `#!/bin/sh\nif [ "$1" = --version ]; then echo "pg_dump (PostgreSQL) ${version}"; exit 0; fi\n${body}\n`,
        { mode: 0o755 },
      )
    const out = path.join(workDir, 'failed', 'x.dump')
    fake('9.6', 'exit 0')
    const old = await runCli('backup', ['--out', out], {
      DATABASE_URL: sourceUrl,
      PG_BIN_DIR: fakes,
    })
    expect(old.code).toBe(2)
    expect(old.stderr).toMatch(
      /^Er is geen back-up gemaakt: .*pg_dump is versie 9\.6; de database draait PostgreSQL \d+.*pg_dump moet minstens versie \d+ zijn/,
    )
    // Writes part of an archive, then fails as pg_dump does when the disk is full.
    fake(
      '99.0',
      'for a in "$@"; do case "$a" in --file=*) printf PGDMP > "${a#--file=}";; esac; done\n' +
        'echo "pg_dump: error: could not write to output file: No space left on device" >&2\nexit 1',
    )
    const failed = await runCli('backup', ['--out', out], {
      DATABASE_URL: sourceUrl,
      PG_BIN_DIR: fakes,
    })
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('pg_dump is mislukt: pg_dump: error: could not write')
    expect(fs.readdirSync(path.dirname(out))).toEqual([])
  })

  it('says what is wrong with a file that is not a backup, before touching a database', async () => {
    const notABackup = path.join(workDir, 'notes.txt')
    fs.writeFileSync(notABackup, 'geen back-up')
    const result = await runCli('restore', [notABackup], { DATABASE_URL: restoredUrl })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is geen back-up van npm run backup')
    const missing = await runCli('restore', [path.join(workDir, 'weg.dump')], {
      DATABASE_URL: restoredUrl,
    })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('bestaat niet')
  })
})
