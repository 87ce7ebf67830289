import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import type { AuditEvent, Organisation, User } from '../../../payload-types'
import { AUDIT_EXPORT_COLUMNS } from '../../../src/audit/exportAuditEvents'
import { verifyAuditExport } from '../../../src/audit/verifyAuditExport'
import { setClock } from '../../../src/clock'
import { parseCsv } from '../../../src/interop/csvCodec'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, login } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { auditEvents, newRequestId, runCli, type CliResult } from './auditSupport'

// CLI runs start Node and bundle the code with esbuild (scripts/run.mjs).
jest.setTimeout(300_000)

let app: TestApp
let organisation: Organisation
let neighbour: Organisation
let auditor: User
let editor: User
const tokens: Record<string, string> = {}
let restoreClock: (() => void) | undefined
/** The organisation's events that fall in the Dutch calendar year 2024, oldest first. */
let expected: AuditEvent[]

/** Runs `fn` with the register's clock standing still at `iso`. */
async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  const restore = setClock(() => new Date(iso))
  try {
    return await fn()
  } finally {
    restore()
  }
}

interface Download {
  status: number
  bytes: Buffer
  headers: Headers
}

async function download(query: string, token?: string, requestId?: string): Promise<Download> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `JWT ${token}`
  if (requestId) headers['x-request-id'] = requestId
  const response = await fetch(`${app.url}/api/audit-events/export?${query}`, { headers })
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  }
}

function runExportCli(args: string[]): Promise<CliResult> {
  return runCli('host/cli/auditExport.ts', args)
}

beforeAll(async () => {
  app = await testApp()
  await createUser(app.payload, { name: 'Eerste account' })
  organisation = await createOrganisation(app.payload)
  neighbour = await createOrganisation(app.payload)
  auditor = await createUser(app.payload, {
    name: 'Anna Auditor',
    memberships: [{ organisation: organisation.id, role: 'auditor' }],
  })
  editor = await createUser(app.payload, {
    name: 'Eef Redacteur',
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
  const neighbourEditor = await createUser(app.payload, {
    memberships: [{ organisation: neighbour.id, role: 'redacteur' }],
  })
  const neighbourAdmin = await createUser(app.payload, {
    memberships: [{ organisation: neighbour.id, role: 'beheerder' }],
  })
  tokens.auditor = await login(app.url, auditor.email)
  tokens.editor = await login(app.url, editor.email)
  tokens.neighbourAdmin = await login(app.url, neighbourAdmin.email)

  // Events around the Dutch year 2024: midnight in Amsterdam is 23:00 UTC in winter.
  const described = (name: string, extra: Record<string, unknown> = {}) =>
    completeDescription(organisation.id, { name, ...extra })
  await at('2023-12-31T22:30:00Z', () =>
    createAlgorithmAs(app.payload, editor, described('Oudjaarsavond')),
  )
  const first = await at('2023-12-31T23:30:00Z', () =>
    createAlgorithmAs(app.payload, editor, described('Nieuwjaarsnacht')),
  )
  await at('2024-03-01T10:00:00Z', () =>
    app.payload.update({
      collection: 'algorithms',
      id: first.id,
      data: {
        name: 'Toeslag, "snel" berekend',
        internal_notes: '=HYPERLINK("https://kwaad.example")\nTweede regel: één € en ë',
      },
      overrideAccess: false,
      user: editor,
    }),
  )
  await at('2024-04-01T10:00:00Z', () =>
    createAlgorithmAs(app.payload, editor, described('=2+3 rekenhulp')),
  )
  await at('2024-06-01T10:00:00Z', () =>
    createAlgorithmAs(
      app.payload,
      neighbourEditor,
      completeDescription(neighbour.id, { name: 'Buurgemeente' }),
    ),
  )
  await at('2024-12-31T22:59:59Z', () =>
    createAlgorithmAs(app.payload, editor, described('Laatste seconde')),
  )
  await at('2024-12-31T23:00:00Z', () =>
    createAlgorithmAs(app.payload, editor, described('Volgend jaar')),
  )
  expected = await auditEvents(app.payload, {
    and: [
      { organisationId: { equals: organisation.id } },
      { occurredAt: { greater_than_equal: '2023-12-31T23:00:00.000Z' } },
      { occurredAt: { less_than: '2024-12-31T23:00:00.000Z' } },
    ],
  })
  // Exports happen "later", outside the exported period.
  restoreClock = setClock(() => new Date('2025-06-01T08:00:00Z'))
})

afterAll(async () => {
  restoreClock?.()
  await closeTestApp()
})

const period = () => `organisation=${organisation.code}&from=2024-01-01&to=2025-01-01`

describe('who may export', () => {
  it('asks anonymous callers to log in (401)', async () => {
    expect((await download(`${period()}&format=csv`)).status).toBe(401)
  })

  it('refuses editors and admins of another organisation (403)', async () => {
    expect((await download(`${period()}&format=csv`, tokens.editor)).status).toBe(403)
    expect((await download(`${period()}&format=csv`, tokens.neighbourAdmin)).status).toBe(403)
  })

  it('explains wrong input (400) in Dutch', async () => {
    const wrongFormat = await download(`${period()}&format=xml`, tokens.auditor)
    expect(wrongFormat.status).toBe(400)
    expect(wrongFormat.bytes.toString('utf8')).toContain('kies csv of json')
    const impossibleDate = await download(
      `organisation=${organisation.code}&from=2024-02-30&format=csv`,
      tokens.auditor,
    )
    expect(impossibleDate.status).toBe(400)
    const backwards = await download(
      `organisation=${organisation.code}&from=2025-01-01&to=2024-01-01`,
      tokens.auditor,
    )
    expect(backwards.status).toBe(400)
  })
})

describe('the CSV export', () => {
  let csv: Download

  beforeAll(async () => {
    csv = await download(`${period()}&format=csv`, tokens.auditor)
  })

  it('is UTF-8 with a BOM, a header and exactly the period’s events', () => {
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toContain(
      `geschiedenis-${organisation.code}-2025-06-01.csv`,
    )
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(csv.bytes.toString('utf8'))
    expect(rows[0]).toEqual([...AUDIT_EXPORT_COLUMNS])
    const sequences = rows.slice(1).map((row) => Number(row[0]))
    expect(sequences).toEqual(expected.map((event) => event.sequence))
    expect(expected.map((event) => event.targetLabel)).toEqual([
      'Nieuwjaarsnacht',
      'Toeslag, "snel" berekend',
      '=2+3 rekenhulp',
      'Laatste seconde',
    ])
  })

  it('keeps commas, quotes, line breaks and accents, and defuses formulas', () => {
    const rows = parseCsv(csv.bytes.toString('utf8'))
    const update = rows.find((row) => row[2] === 'update') as string[]
    expect(update[10]).toBe('Toeslag, "snel" berekend')
    const changes = JSON.parse(update[12]) as Array<{ field: string; after: unknown }>
    expect(changes.find((c) => c.field === 'internal_notes')?.after).toBe(
      '=HYPERLINK("https://kwaad.example")\nTweede regel: één € en ë',
    )
    expect(update[1]).toBe('2024-03-01T10:00:00.000Z')
    // A spreadsheet would run "=2+3 ..." as a formula: the cell starts with an apostrophe.
    const formula = rows.find((row) => row[10].includes('rekenhulp')) as string[]
    expect(formula[10]).toBe("'=2+3 rekenhulp")
    expect(formula[3]).toBe("'=2+3 rekenhulp aangemaakt")
  })

  it('is recorded in the history with who, role, organisation and request id', async () => {
    const requestId = newRequestId('export')
    const again = await download(`${period()}&format=csv`, tokens.auditor, requestId)
    expect(again.status).toBe(200)
    const [event] = await auditEvents(app.payload, { requestId: { equals: requestId } })
    expect(event).toMatchObject({
      eventType: 'export',
      actorId: auditor.id,
      actorName: 'Anna Auditor',
      actorRole: 'auditor',
      organisationId: organisation.id,
      occurredAt: '2025-06-01T08:00:00.000Z',
      details: {
        organisationId: organisation.id,
        from: '2023-12-31T23:00:00.000Z',
        to: '2024-12-31T23:00:00.000Z',
        format: 'csv',
        count: expected.length,
      },
    })
  })

  it('is written the same by the CLI', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-export-')), 'uit.csv')
    const result = await runExportCli([
      '--organisation',
      String(organisation.code),
      '--from',
      '2024-01-01',
      '--to',
      '2025-01-01',
      '--format',
      'csv',
      '--out',
      file,
    ])
    expect(result.stderr).toContain(`${expected.length} gebeurtenissen geschreven`)
    expect(result.code).toBe(0)
    expect(fs.readFileSync(file).equals(csv.bytes)).toBe(true)
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  })
})

describe('the JSON export', () => {
  let exported: {
    format: string
    events: Array<Record<string, unknown>>
    links: Array<{ sequence: number }>
    chainHead: { sequence: number; hash: string }
  }

  beforeAll(async () => {
    const response = await download(`${period()}&format=json`, tokens.auditor)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    exported = JSON.parse(response.bytes.toString('utf8'))
  })

  it('holds the period’s events as stored, with the links of the events in between', () => {
    expect(exported.format).toBe('algoritmeregister-audit-export/1')
    expect(exported.events.map((event) => event.sequence)).toEqual(
      expected.map((event) => event.sequence),
    )
    expect(exported.events[1]).toMatchObject({
      hash: expected[1].hash,
      previousHash: expected[1].previousHash,
      summary: expected[1].summary,
    })
    // The neighbour's event of June 2024 lies between them: only its link is included.
    expect(exported.links.length).toBeGreaterThan(0)
    expect(JSON.stringify(exported.links)).not.toContain('Buurgemeente')
    expect(exported.chainHead.sequence).toBeGreaterThanOrEqual(
      expected[expected.length - 1].sequence,
    )
  })

  it('can be re-verified from the file alone', () => {
    const report = verifyAuditExport(exported)
    expect(report).toMatchObject({
      ok: true,
      lastSequence: expected[expected.length - 1].sequence,
    })
  })

  it('shows an edit or a removal made in the file', () => {
    const edited = structuredClone(exported)
    edited.events[1].summary = 'Niets bijzonders'
    expect(verifyAuditExport(edited).firstBreak).toMatchObject({
      problem: 'hash',
      sequence: expected[1].sequence,
    })
    const shortened = structuredClone(exported)
    shortened.events.splice(1, 1)
    const gap = verifyAuditExport(shortened).firstBreak
    expect(gap?.problem).toBe('gap')
    expect(gap?.message).toContain(`Gebeurtenis ${expected[1].sequence} ontbreekt`)
  })

  it('is written the same by the CLI (to standard output)', async () => {
    const result = await runExportCli([
      '--organisation',
      String(organisation.id),
      '--from',
      '2024-01-01',
      '--to',
      '2025-01-01',
      '--format',
      'json',
    ])
    expect(result.code).toBe(0)
    const fromCli = JSON.parse(result.stdout) as typeof exported
    expect(fromCli.events).toEqual(exported.events)
    expect(fromCli.links).toEqual(exported.links)
    expect(verifyAuditExport(fromCli).ok).toBe(true)
  })
})
