import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import pg from 'pg'

import { auditHashContent, computeAuditHash } from '../../../src/audit/auditHash'
import {
  auditEventFromRow,
  verifyAuditChainInDatabase,
} from '../../../src/audit/verifyAuditChainInDatabase'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, login } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { call, lastSequence, runCli, verifyChain, type CliResult } from './auditSupport'

// CLI runs start Node and bundle the code with esbuild (scripts/run.mjs).
jest.setTimeout(300_000)

let app: TestApp

/** Runs `npm run audit:verify` the way an operator would, against `databaseUrl`. */
function runVerifyCli(databaseUrl: string, args: string[] = []): Promise<CliResult> {
  return runCli('host/cli/auditVerify.ts', args, { DATABASE_URL: databaseUrl })
}

beforeAll(async () => {
  app = await testApp()
  await createUser(app.payload, { name: 'Eerste account' })
  const organisation = await createOrganisation(app.payload)
  const editor = await createUser(app.payload, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  const token = await login(app.url, editor.email)
  for (let i = 0; i < 3; i += 1) {
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor,
      completeDescription(organisation.id, { name: `Algoritme ${i}` }),
    )
    await call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
      token,
      body: { internal_notes: `Notitie ${i}` },
    })
  }
})

afterAll(async () => {
  await closeTestApp()
})

describe('an intact chain', () => {
  it('passes the in-process verifier', async () => {
    const last = await lastSequence(app.payload)
    expect(last).toBeGreaterThan(8)
    const report = await verifyChain(app.payload)
    expect(report).toMatchObject({ ok: true, checked: last, lastSequence: last })
    expect(report.lastHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('passes the CLI with exit code 0, which prints an anchor to keep', async () => {
    const last = await lastSequence(app.payload)
    const result = await runVerifyCli(process.env.DATABASE_URL as string)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('De geschiedenis is in orde')
    expect(result.stdout).toMatch(new RegExp(`--anchor ${last}:[0-9a-f]{64}`))
  })
})

describe('a tampered copy of the chain', () => {
  const name = `register_audit_tamper_${randomBytes(4).toString('hex')}`
  let copyUrl: string
  let copy: pg.Pool
  let rows: Array<Record<string, unknown>>

  beforeAll(async () => {
    const adminUrl = process.env.REGISTER_TEST_ADMIN_URL as string
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    copyUrl = url.toString()
    const migrated = await runCli('host/cli/migrate.ts', [], {
      DATABASE_URL: copyUrl,
      PAYLOAD_SECRET: 'test-secret',
    })
    expect(migrated.stdout).toContain('Migraties zijn bijgewerkt')
    copy = new pg.Pool({ connectionString: copyUrl, max: 2 })
    copy.on('error', () => undefined)
    // The copy gets exactly the rows the shared database holds, written there by Payload.
    const source = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await source.connect()
    const found = await source.query(
      'SELECT to_jsonb(a) AS row FROM audit_events a ORDER BY sequence',
    )
    await source.end()
    rows = found.rows.map((r: { row: Record<string, unknown> }) => r.row)
    for (const row of rows) {
      await copy.query(
        'INSERT INTO audit_events SELECT * FROM jsonb_populate_record(NULL::audit_events, $1::jsonb)',
        [JSON.stringify(row)],
      )
    }
    await copy.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only')
  }, 240_000)

  afterAll(async () => {
    await Promise.race([copy?.end(), new Promise((r) => setTimeout(r, 1000))])
    const admin = new pg.Client({ connectionString: process.env.REGISTER_TEST_ADMIN_URL })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`)
    await admin.end()
  })

  const middle = () => rows[Math.floor(rows.length / 2)]
  const verifyCopy = (anchor?: { sequence: number; hash: string }) =>
    verifyAuditChainInDatabase(copy, { anchor })

  it('is intact before anyone touches it', async () => {
    expect((await verifyCopy()).ok).toBe(true)
    expect((await runVerifyCli(copyUrl)).code).toBe(0)
  })

  it('names the edited event when its content no longer matches its hash', async () => {
    const target = middle()
    await copy.query('UPDATE audit_events SET summary = $1 WHERE id = $2', [
      'Niets aan de hand',
      target.id,
    ])
    const report = await verifyCopy()
    expect(report.ok).toBe(false)
    expect(report.firstBreak).toMatchObject({
      problem: 'hash',
      sequence: Number(target.sequence),
      id: target.id,
    })
    const cli = await runVerifyCli(copyUrl)
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain(`Eerste fout bij gebeurtenis ${target.sequence} (id ${target.id})`)
    expect(cli.stderr).toContain('de hash klopt niet meer')

    await copy.query('UPDATE audit_events SET summary = $1 WHERE id = $2', [
      target.summary,
      target.id,
    ])
    expect((await verifyCopy()).ok).toBe(true)
  })

  it('names the next event when an edited event was given a fresh hash', async () => {
    const target = middle()
    const { rows: found } = await copy.query(
      `SELECT id, sequence, event_type, summary, occurred_at, actor_id, actor_name, actor_role,
        organisation_id, target_collection, target_id, target_label, changes, comment, details,
        request_id, previous_hash, hash FROM audit_events WHERE id = $1`,
      [target.id],
    )
    const forged = { ...auditEventFromRow(found[0]), actorName: 'Iemand anders' }
    const forgedHash = computeAuditHash(auditHashContent(forged))
    await copy.query('UPDATE audit_events SET actor_name = $1, hash = $2 WHERE id = $3', [
      'Iemand anders',
      forgedHash,
      target.id,
    ])
    const report = await verifyCopy()
    expect(report.firstBreak).toMatchObject({
      problem: 'previous-hash',
      sequence: Number(target.sequence) + 1,
    })
    const cli = await runVerifyCli(copyUrl)
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain(`Eerste fout bij gebeurtenis ${Number(target.sequence) + 1}`)

    await copy.query('UPDATE audit_events SET actor_name = $1, hash = $2 WHERE id = $3', [
      target.actor_name,
      target.hash,
      target.id,
    ])
    expect((await verifyCopy()).ok).toBe(true)
  })

  it('misses a cut-off tail unless an anchor kept elsewhere is given', async () => {
    const before = await runVerifyCli(copyUrl)
    const anchorText = /--anchor (\d+:[0-9a-f]{64})/.exec(before.stdout)?.[1] as string
    const [sequence, hash] = anchorText.split(':')
    const anchor = { sequence: Number(sequence), hash }
    await copy.query('DELETE FROM audit_events WHERE sequence = $1', [anchor.sequence])

    expect((await verifyCopy()).ok).toBe(true)
    expect((await runVerifyCli(copyUrl)).code).toBe(0)

    const report = await verifyCopy(anchor)
    expect(report.firstBreak).toMatchObject({ problem: 'anchor', sequence: anchor.sequence })
    const cli = await runVerifyCli(copyUrl, ['--anchor', anchorText])
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain(`gebeurtenis ${anchor.sequence}`)
  })

  it('names the gap left by a deleted event', async () => {
    const target = middle()
    await copy.query('DELETE FROM audit_events WHERE id = $1', [target.id])
    const report = await verifyCopy()
    expect(report.firstBreak).toMatchObject({
      problem: 'gap',
      sequence: Number(target.sequence) + 1,
    })
    expect(report.firstBreak?.message).toContain(`Gebeurtenis ${target.sequence} ontbreekt`)
    const cli = await runVerifyCli(copyUrl)
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain(`Gebeurtenis ${target.sequence} ontbreekt`)
  })

  it('refuses a malformed anchor with exit code 2', async () => {
    const cli = await runVerifyCli(copyUrl, ['--anchor', 'twaalf'])
    expect(cli.code).toBe(2)
    expect(cli.stderr).toContain('--anchor moet de vorm')
  })
})

describe('the shared chain after all this', () => {
  it('is still intact', async () => {
    expect((await verifyChain(app.payload)).ok).toBe(true)
  })
})
