/**
 * Export → import into an empty register → export gives the same file, through the real import
 * command (`npm run import`) against databases of their own; and, when the reference data is
 * there, the import of the national register's real 869-row export.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import pg from 'pg'

import type { User } from '../../../payload-types'
import { ensureDatabase } from '../../../src/database/openDatabase'
import { exportNationalCsv } from '../../../src/interop/exportNationalCsv'
import { importRegister, type ImportResult } from '../../../src/interop/importRegister'
import { groupRejections } from '../../../src/interop/importSummary'
import { readImportFile } from '../../../src/interop/readImportFile'
import { createUser } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { personalise, personaliseUnused, readFixture } from '../../fixtures/interop/interopFixtures'

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const WORKER = path.join(projectDir, 'test/fixtures/interop/freshRegisterWorker.ts')
const IMPORT_CLI = path.join(projectDir, 'host/cli/import.ts')
const REAL_EXPORT = path.resolve(projectDir, '../shared/data/algoritmeregister-export-en.csv')
const ADMIN_EMAIL = 'import-beheer@noorderhaaks.example'

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a TypeScript entry point of the project in a child process, like `npm run` does. */
function runScript(script: string, args: string[], databaseUrl: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectDir, 'scripts/run.mjs'), script, ...args],
      {
        cwd: projectDir,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PAYLOAD_SECRET: 'round-trip-secret',
          NODE_OPTIONS: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** An empty database of its own on the test server, migrated, with one platform admin. */
async function emptyRegister(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.REGISTER_TEST_ADMIN_URL
  if (!adminUrl) throw new Error('REGISTER_TEST_ADMIN_URL is not set (integration globalSetup)')
  const name = `register_interop_${Date.now()}_${randomBytes(3).toString('hex')}`
  await ensureDatabase(adminUrl, name)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const prepared = await runScript(WORKER, ['prepare', ADMIN_EMAIL], url.toString())
  if (prepared.code !== 0)
    throw new Error(`prepare failed:\n${prepared.stdout}\n${prepared.stderr}`)
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

let app: TestApp
let admin: User
let folder: string
const databases: Array<() => Promise<void>> = []

beforeAll(async () => {
  app = await testApp()
  admin = await createUser(app.payload, { isPlatformAdmin: true })
  folder = mkdtempSync(path.join(os.tmpdir(), 'register-interop-'))
})

afterAll(async () => {
  for (const drop of databases) await drop()
  rmSync(folder, { recursive: true, force: true })
  await closeTestApp()
})

describe('national CSV export round trip', () => {
  it('export → import into an empty database → export gives an identical file', async () => {
    const fixture = await personaliseUnused(app.payload, readFixture('noorderhaaks-en.csv'))
    const imported = await importRegister(
      app.payload,
      readImportFile('noorderhaaks-en.csv', fixture.text),
      { userEmail: admin.email },
    )
    expect(imported.counts.created).toBe(5)
    const organisations = await app.payload.find({
      collection: 'organisations',
      where: { name: { in: Object.values(fixture.names) } },
      depth: 0,
      overrideAccess: true,
    })
    expect(organisations.docs).toHaveLength(3)
    const first = await exportNationalCsv(
      { payload: app.payload },
      { organisationIds: organisations.docs.map((organisation) => organisation.id) },
    )
    expect(first.startsWith('\uFEFFname,organization,')).toBe(true)
    expect(readImportFile('export.csv', first).rows).toHaveLength(5)
    const exported = path.join(folder, 'export-1.csv')
    writeFileSync(exported, first)

    const empty = await emptyRegister()
    databases.push(empty.drop)
    const report = path.join(folder, 'import-1.json')
    const run = await runScript(
      IMPORT_CLI,
      [exported, '--user', ADMIN_EMAIL, '--report', report],
      empty.url,
    )
    // On failure, the whole output of the command is in the message.
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) })
    expect(run.stderr).not.toContain('Error')
    const result = JSON.parse(readFileSync(report, 'utf8')) as ImportResult
    expect(result.counts).toEqual({ created: 5, updated: 0, unchanged: 0, rejected: 0 })
    expect(run.stdout).toContain('Opgeslagen: 5 beschrijving(en) gepubliceerd als nieuwe versie.')
    // Progress goes to stderr, one line per tenth when it is not a terminal.
    expect(run.stderr).toContain('5/5 100%')

    const again = path.join(folder, 'export-2.csv')
    const exportRun = await runScript(WORKER, ['export', again], empty.url)
    expect(exportRun.code).toBe(0)
    expect(readFileSync(again, 'utf8')).toBe(first)

    const second = await runScript(IMPORT_CLI, [exported, '--quiet'], empty.url)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain(
      'Er is niets veranderd: alle 5 rijen staan al precies zo in het register.',
    )
  })

  it('the command: a dry run with rejected rows saves nothing and exits with code 2', async () => {
    const empty = await emptyRegister()
    databases.push(empty.drop)
    const fixture = personalise(readFixture('noorderhaaks-en.csv'))
    const file = path.join(folder, 'noorderhaaks-en.csv')
    writeFileSync(file, fixture.text)
    const dry = await runScript(
      IMPORT_CLI,
      [file, '--dry-run', '--quiet', '--lang', 'en'],
      empty.url,
    )
    expect(dry.code).toBe(2)
    expect(dry.stdout).toContain('DRY RUN')
    expect(dry.stdout).toContain('  Created:        5\n')
    expect(dry.stdout).toContain('  Rejected:       2\n')
    expect(dry.stdout).toContain(
      'A real import would publish 5 description(s) and reject 2 row(s).',
    )
    const exported = path.join(folder, 'after-dry-run.csv')
    await runScript(WORKER, ['export', exported], empty.url)
    expect(readImportFile('x.csv', readFileSync(exported, 'utf8')).rows).toHaveLength(0)

    const missing = await runScript(IMPORT_CLI, [path.join(folder, 'bestaat-niet.csv')], empty.url)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('is niet te lezen (ENOENT)')
    const notAdmin = await runScript(IMPORT_CLI, [file, '--user', 'niemand@x.example'], empty.url)
    expect(notAdmin.code).toBe(1)
    expect(notAdmin.stderr).toContain('Er is geen gebruiker met het e-mailadres niemand@x.example')
  })
})

describe('the real national export (reference data, optional)', () => {
  it('imports all 869 rows without a crash, and a second run changes nothing', async () => {
    if (!existsSync(REAL_EXPORT)) {
      console.log(
        `Skipped: ${REAL_EXPORT} is not available (reference data outside the project); nothing was checked.`,
      )
      return
    }
    const empty = await emptyRegister()
    databases.push(empty.drop)
    const report = path.join(folder, 'real-1.json')
    const started = Date.now()
    const run = await runScript(
      IMPORT_CLI,
      [REAL_EXPORT, '--quiet', '--user', ADMIN_EMAIL, '--report', report],
      empty.url,
    )
    const wall = Date.now() - started
    expect([0, 2]).toContain(run.code)
    const result = JSON.parse(readFileSync(report, 'utf8')) as ImportResult
    const { created, updated, unchanged, rejected } = result.counts
    expect(result.total).toBe(869)
    expect(created + updated + unchanged + rejected).toBe(869)
    expect(created).toBeGreaterThan(780)
    // How long it takes is printed below; speed belongs in the benchmark, not in an assertion.

    const secondReport = path.join(folder, 'real-2.json')
    const second = await runScript(
      IMPORT_CLI,
      [REAL_EXPORT, '--quiet', '--report', secondReport],
      empty.url,
    )
    expect([0, 2]).toContain(second.code)
    const again = JSON.parse(readFileSync(secondReport, 'utf8')) as ImportResult
    expect(again.counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: created + updated,
      rejected,
    })
    const reasons = groupRejections(result.rows)
      .slice(0, 8)
      .map((group) => `  ${group.rows.length} × ${group.field}: ${group.message.en}`)
    console.log(
      [
        `Real export: ${result.total} rows in ${(result.durationMs / 1000).toFixed(1)} s (command ${(wall / 1000).toFixed(1)} s):`,
        `created ${created}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected};`,
        `organisations created ${result.organisationsCreated.length};`,
        `second run ${(again.durationMs / 1000).toFixed(1)} s: unchanged ${again.counts.unchanged}, rejected ${again.counts.rejected}.`,
        'Most common reasons for rejection:',
        ...reasons,
      ].join('\n'),
    )
  }, 300_000)
})
