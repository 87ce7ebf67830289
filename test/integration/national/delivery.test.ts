import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { createLocalReq } from 'payload'

import { SKIP_GENERIC_AUDIT } from '../../../src/audit/auditContext'
import { publishRevision } from '../../../src/workflow/publishRevision'
import { WORKFLOW_WRITE } from '../../../src/workflow/workflowContext'

import { resetNationalClient } from '../../../src/national/nationalClient'
import { setNationalSettings } from '../../../src/national/nationalSettings'
import { checkDrift } from '../../../src/national/checkDrift'
import { syncDeliveries } from '../../../src/national/syncDeliveries'
import {
  startFakeNationalRegister,
  type FakeNationalRegister,
  type RecordedRequest,
} from '../../support/fakeNationalRegister'
import {
  connectOrganisation,
  deliveryOf,
  runNationalQueue,
  type NationalAccount,
} from '../../support/nationalHelpers'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createWorkflowTeam,
  draftAlgorithm,
  projectionRow,
  publishedAlgorithm,
  transition,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

// Retries wait for real (short) delays, and a busy machine makes every step slower.
jest.setTimeout(300_000)

let app: TestApp
let fake: FakeNationalRegister
let team: WorkflowTeam
let account: NationalAccount
let organisationCode: string
let restoreSettings: () => void
let counter = 0

beforeAll(async () => {
  app = await testApp()
  fake = await startFakeNationalRegister()
  restoreSettings = setNationalSettings({
    apiUrl: fake.url,
    tokenUrl: fake.tokenUrl,
    retryBaseMs: 20,
    retryMaxMs: 200,
    timeoutMs: 1000,
    requestsPerWindow: 20,
    windowMs: 60_000,
  })
  team = await createWorkflowTeam(app.payload, app.url)
  const connected = await connectOrganisation(app.payload, fake, team.organisation)
  account = connected.account
  organisationCode = connected.connection.organisationCode as string
})

beforeEach(() => {
  resetNationalClient()
})

afterAll(async () => {
  restoreSettings()
  await fake.close()
  await closeTestApp()
})

function uniqueName(): string {
  counter += 1
  return `Landelijk aanleveren ${counter} ${Date.now() % 100000}`
}

/** The fake's requests about one national LARS, or for the lookup of the organisation. */
function requestsFor(lars: string): RecordedRequest[] {
  return fake.requests.filter((request) => request.lars === lars)
}

function createsNamed(name: string): RecordedRequest[] {
  return fake.requests.filter(
    (request) =>
      request.operationId === 'create_one_algorithm' &&
      (request.body as { name?: string } | undefined)?.name === name,
  )
}

async function approveNew(name: string) {
  const algorithm = await publishedAlgorithm(app.payload, app.url, team, { name })
  return algorithm
}

async function republish(algorithmId: number, changes: Record<string, unknown>) {
  await app.payload.update({
    collection: 'algorithms',
    id: algorithmId,
    data: changes,
    overrideAccess: false,
    user: team.editor.user,
    depth: 0,
  })
  const submit = await transition(app.url, team.editor.token, algorithmId, {
    action: 'submit',
    expectedState: 'concept',
    changeSummary: 'Tekst bijgewerkt',
  })
  expect(submit.status).toBe(200)
  const approve = await transition(app.url, team.reviewer.token, algorithmId, {
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })
  expect(approve.status).toBe(200)
}

describe('delivery to the national Algoritmeregister', () => {
  it('approval creates and releases the description there, valid and with a bearer token', async () => {
    const name = uniqueName()
    const algorithm = await approveNew(name)
    // Queued in the approval's transaction, delivered by the job.
    expect((await deliveryOf(app.payload, algorithm.id))?.status).toBe('in_wachtrij')
    expect(createsNamed(name)).toHaveLength(0)

    await runNationalQueue(app.payload, [algorithm.id])

    const row = await deliveryOf(app.payload, algorithm.id)
    expect(row?.status).toBe('vrijgegeven')
    expect(row?.reason ?? null).toBeNull()
    expect(row?.statusAt).toBeTruthy()
    const lars = row?.nationalLars as string
    expect(lars).toMatch(/^\d{8}$/)
    const creates = createsNamed(name)
    expect(creates).toHaveLength(1)
    expect(creates[0].problems).toEqual([])
    expect(creates[0].organisation).toBe(organisationCode)
    expect(creates[0].authorization).toMatch(/^Bearer token-/)
    expect(creates[0].client).toBe(account.clientId)
    const body = creates[0].body as Record<string, unknown>
    expect(body.description_short).toBe(algorithm.description_short)
    expect(body.organization).toBe(team.organisation.name)
    expect(body.goal).toBe('<p>Wij willen het afval op tijd ophalen en minder rijden.</p>')
    expect(body.source_id).toBe(algorithm.lars)
    expect(body).not.toHaveProperty('internal_notes')
    const after = requestsFor(lars).map((request) => request.operationId)
    expect(after).toEqual(['release_one_algorithm'])
    expect(requestsFor(lars).every((request) => request.problems.length === 0)).toBe(true)
    expect(fake.algorithms.get(lars)?.published?.name).toBe(name)

    const events = await app.payload.find({
      collection: 'audit-events',
      where: {
        and: [
          { eventType: { equals: 'national_delivery' } },
          { targetId: { equals: String(algorithm.id) } },
        ],
      },
      sort: 'sequence',
      depth: 0,
      overrideAccess: true,
    })
    expect(events.docs.map((event) => (event.details as { operation: string }).operation)).toEqual([
      'create',
      'release',
    ])
    const serialised = JSON.stringify(events.docs)
    expect(serialised).not.toContain(account.password)
    expect(serialised).not.toContain('Bearer')
  })

  it('a new approval updates and releases; only the newest of several queued versions is sent', async () => {
    const algorithm = await approveNew(uniqueName())
    await runNationalQueue(app.payload, [algorithm.id])
    const lars = (await deliveryOf(app.payload, algorithm.id))?.nationalLars as string

    await republish(algorithm.id, { description_short: 'Tweede versie van de korte omschrijving.' })
    await republish(algorithm.id, { description_short: 'Derde versie van de korte omschrijving.' })
    await runNationalQueue(app.payload, [algorithm.id])

    const updates = requestsFor(lars).filter((r) => r.operationId === 'update_one_algorithm')
    expect(updates).toHaveLength(1)
    expect(updates[0].problems).toEqual([])
    expect((updates[0].body as Record<string, unknown>).description_short).toBe(
      'Derde versie van de korte omschrijving.',
    )
    expect((updates[0].body as Record<string, unknown>).lars).toBe(lars)
    const row = await deliveryOf(app.payload, algorithm.id)
    expect(row?.status).toBe('vrijgegeven')
    expect(row?.releasedRevision).toBe(3)
    expect(fake.algorithms.get(lars)?.published?.description_short).toBe(
      'Derde versie van de korte omschrijving.',
    )
    expect(
      fake.requests.filter((r) => r.operationId === 'create_one_algorithm' && r.lars === lars),
    ).toEqual([])
  })

  it('a withdrawal retracts the published description', async () => {
    const algorithm = await approveNew(uniqueName())
    await runNationalQueue(app.payload, [algorithm.id])
    const lars = (await deliveryOf(app.payload, algorithm.id))?.nationalLars as string

    const withdrawn = await transition(app.url, team.reviewer.token, algorithm.id, {
      action: 'withdraw',
      expectedState: 'gepubliceerd',
      reason: 'Het algoritme wordt niet meer gebruikt.',
    })
    expect(withdrawn.status).toBe(200)
    await runNationalQueue(app.payload, [algorithm.id])

    const retracts = requestsFor(lars).filter(
      (r) => r.operationId === 'retract_one_published_algorithm',
    )
    expect(retracts).toHaveLength(1)
    expect(retracts[0].problems).toEqual([])
    expect(retracts[0].method).toBe('DELETE')
    expect(fake.algorithms.get(lars)?.published).toBeNull()
    expect((await deliveryOf(app.payload, algorithm.id))?.status).toBe('ingetrokken')
  })

  it('429 with Retry-After and 5xx answers are retried with back-off, then succeed', async () => {
    fake.fail({ operationId: 'create_one_algorithm', status: 429, retryAfter: 1 })
    fake.fail({ operationId: 'release_one_algorithm', status: 503, times: 2 })
    const name = uniqueName()
    const algorithm = await approveNew(name)
    await runNationalQueue(app.payload, [algorithm.id])

    const row = await deliveryOf(app.payload, algorithm.id)
    expect(row?.status).toBe('vrijgegeven')
    expect(row?.attempts).toBe(0)
    const statuses = fake.requests
      .filter(
        (r) =>
          (r.operationId === 'create_one_algorithm' &&
            (r.body as { name?: string }).name === name) ||
          (r.lars === row?.nationalLars && r.operationId === 'release_one_algorithm'),
      )
      .map((r) => `${r.operationId}:${r.status}`)
    expect(statuses).toEqual([
      'create_one_algorithm:429',
      'create_one_algorithm:200',
      'release_one_algorithm:503',
      'release_one_algorithm:503',
      'release_one_algorithm:200',
    ])
    expect(createsNamed(name).filter((r) => r.status === 200)).toHaveLength(1)

    // The schedule: at least Retry-After (1 s) after the 429, then doubling from the base.
    const retries = await app.payload.find({
      collection: 'audit-events',
      where: {
        and: [
          { eventType: { equals: 'national_delivery' } },
          { targetId: { equals: String(algorithm.id) } },
        ],
      },
      sort: 'sequence',
      depth: 0,
      overrideAccess: true,
    })
    const retryEvents = retries.docs.filter(
      (event) => (event.details as { outcome?: string }).outcome === 'retry',
    )
    const details = retryEvents.map(
      (event) => event.details as { attempts: number; retryAt: string; httpStatus: number },
    )
    expect(details.map((d) => [d.httpStatus, d.attempts])).toEqual([
      [429, 1],
      [503, 1],
      [503, 2],
    ])
    const first = retryEvents[0]
    expect(Date.parse(details[0].retryAt) - Date.parse(first.occurredAt)).toBeGreaterThanOrEqual(
      900,
    )
  })

  it('a request that times out is retried', async () => {
    fake.fail({ operationId: 'release_one_algorithm', timeout: true })
    const algorithm = await approveNew(uniqueName())
    await runNationalQueue(app.payload, [algorithm.id])
    const row = await deliveryOf(app.payload, algorithm.id)
    expect(row?.status).toBe('vrijgegeven')
    const releases = requestsFor(row?.nationalLars as string).filter(
      (r) => r.operationId === 'release_one_algorithm',
    )
    expect(releases.map((r) => r.status)).toEqual([-1, 200])
  })

  it('a refusal (422) shows the national messages in Dutch; the description stays published here', async () => {
    fake.fail({
      operationId: 'create_one_algorithm',
      status: 422,
      body: {
        detail: [
          {
            loc: ['body', 'name'],
            msg: 'String should have at most 100 characters',
            type: 'string_too_long',
          },
          { loc: ['body', 'contact_email'], msg: 'Field required', type: 'missing' },
        ],
      },
    })
    const algorithm = await approveNew(uniqueName())
    await runNationalQueue(app.payload, [algorithm.id])

    const row = await deliveryOf(app.payload, algorithm.id)
    expect(row?.status).toBe('fout')
    expect(row?.reason).toBe(
      'Het landelijke register heeft de beschrijving afgewezen: Naam is te lang. Contactgegevens is verplicht en ontbreekt.',
    )
    expect(await projectionRow(app.payload, algorithm.id)).toBeDefined()
    // The status is what the admin shows: members of the organisation read it through the API.
    const seen = await app.payload.find({
      collection: 'national-deliveries',
      where: { algorithm: { equals: algorithm.id } },
      overrideAccess: false,
      user: team.editor.user,
      depth: 0,
    })
    expect(seen.docs[0]?.reason).toContain('Naam is te lang')
  })

  it('a crash between create and release does not create a second description', async () => {
    // The register creates the description but the answer (with its LARS) never arrives.
    fake.fail({ operationId: 'create_one_algorithm', dropAfterCreate: true })
    const name = uniqueName()
    const algorithm = await approveNew(name)
    await runNationalQueue(app.payload, [algorithm.id])

    const row = await deliveryOf(app.payload, algorithm.id)
    expect(row?.status).toBe('vrijgegeven')
    expect(createsNamed(name)).toHaveLength(1)
    const stored = [...fake.algorithms.values()].filter((item) => item.body.name === name)
    expect(stored).toHaveLength(1)
    expect(stored[0].lars).toBe(row?.nationalLars)
    expect(stored[0].published?.name).toBe(name)
  })

  it('an approval is not held up while the national register does not answer', async () => {
    fake.fail({ timeout: true, times: 3 })
    const algorithm = await approveNew(uniqueName())
    expect((await projectionRow(app.payload, algorithm.id)) !== undefined).toBe(true)
    await runNationalQueue(app.payload, [algorithm.id])
    expect((await deliveryOf(app.payload, algorithm.id))?.status).toBe('vrijgegeven')
  })

  it('reports what was changed in the national register instead of overwriting it', async () => {
    const algorithm = await approveNew(uniqueName())
    await runNationalQueue(app.payload, [algorithm.id])
    const lars = (await deliveryOf(app.payload, algorithm.id))?.nationalLars as string
    fake.editPublished(lars, 'description_short', 'Daar aangepast.')
    const before = fake.requests.length

    const summary = await checkDrift(app.payload, { organisationCode })
    expect(summary.drifted).toBeGreaterThanOrEqual(1)
    const row = await deliveryOf(app.payload, algorithm.id)
    expect(row?.driftFields).toEqual([
      { field: 'description_short', ours: algorithm.description_short, theirs: 'Daar aangepast.' },
    ])
    expect(row?.driftCheckedAt).toBeTruthy()
    // Read only: nothing was written back.
    const writes = fake.requests.slice(before).filter((r) => r.method !== 'GET')
    expect(writes).toEqual([])
    expect(fake.algorithms.get(lars)?.published?.description_short).toBe('Daar aangepast.')
  })
})

describe('a login that fails', () => {
  it('stops the organisation with one clear message, without hammering the token endpoint, until new credentials are saved', async () => {
    const other = await createWorkflowTeam(app.payload, app.url)
    const { connection } = await connectOrganisation(app.payload, fake, other.organisation)
    fake.failTokens(401)
    const first = await publishedAlgorithm(app.payload, app.url, other, { name: uniqueName() })
    const second = await publishedAlgorithm(app.payload, app.url, other, { name: uniqueName() })
    const tokenRequestsBefore = fake.tokenRequests.length
    await runNationalQueue(app.payload, [first.id, second.id])

    expect(fake.tokenRequests.length - tokenRequestsBefore).toBe(1)
    const rows = await Promise.all([first.id, second.id].map((id) => deliveryOf(app.payload, id)))
    for (const row of rows) {
      expect(row?.status).toBe('fout')
      expect(row?.reason).toBe(
        'Inloggen bij het landelijke Algoritmeregister is mislukt (401). Controleer de client-ID, gebruikersnaam en het wachtwoord en sla ze opnieuw op.',
      )
    }
    const stopped = await app.payload.findByID({
      collection: 'national-register-connections',
      id: connection.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(stopped.blockedReason).toContain(
      'Inloggen bij het landelijke Algoritmeregister is mislukt',
    )

    // The organisation admin saves a new password: the failed deliveries go out again.
    fake.failTokens(undefined)
    const account = {
      clientId: `cms-nieuw-${Date.now()}`,
      username: `nieuw-${Date.now()}`,
      password: 'nieuw-geheim',
    }
    fake.addAccount(account)
    await app.payload.update({
      collection: 'national-register-connections',
      id: connection.id,
      data: account,
      overrideAccess: false,
      user: other.admin.user,
      depth: 0,
    })
    await runNationalQueue(app.payload, [first.id, second.id])
    for (const id of [first.id, second.id]) {
      expect((await deliveryOf(app.payload, id))?.status).toBe('vrijgegeven')
    }
  })

  it('organisations that do not deliver get no delivery at all', async () => {
    const quiet = await createWorkflowTeam(app.payload, app.url)
    const algorithm = await publishedAlgorithm(app.payload, app.url, quiet, { name: uniqueName() })
    expect(await deliveryOf(app.payload, algorithm.id)).toBeUndefined()
    const draft = await draftAlgorithm(app.payload, quiet)
    expect(await deliveryOf(app.payload, draft.id)).toBeUndefined()
  })
})

describe('imported descriptions', () => {
  it('a description imported from the national register keeps its LARS: updated there, not created', async () => {
    const algorithm = await draftAlgorithm(app.payload, team, { name: uniqueName() })
    // As the importer does: a published revision with source "import", in one transaction.
    const req = await createLocalReq({}, app.payload)
    const { revision } = await publishRevision(req, {
      algorithm,
      organisation: team.organisation,
      publicationDate: '2024-01-01',
      stamp: new Date().toISOString(),
      source: 'import',
      changeSummary: null,
      submitter: { id: null, name: null, at: null },
      approver: { id: team.reviewer.user.id, name: 'Importeur' },
    })
    await app.payload.update({
      collection: 'algorithms',
      id: algorithm.id,
      data: {
        workflow: { ...algorithm.workflow, state: 'gepubliceerd', publicRevision: revision.id },
      },
      context: { [WORKFLOW_WRITE]: true, [SKIP_GENERIC_AUDIT]: true },
      overrideAccess: true,
      depth: 0,
    })
    const lars = algorithm.lars as string
    fake.algorithms.set(lars, {
      lars,
      organisation: organisationCode,
      body: { name: 'Zoals het eerst in het landelijke register stond' },
      published: null,
      createdBy: account.clientId,
    })

    const items = await syncDeliveries(app.payload, { organisation: organisationCode })
    expect(items.find((item) => item.algorithmId === algorithm.id)?.status).toBe('vrijgegeven')
    expect(createsNamed(algorithm.name)).toEqual([])
    expect(requestsFor(lars).map((r) => `${r.operationId}:${r.status}`)).toEqual([
      'update_one_algorithm:200',
      'release_one_algorithm:200',
    ])
    expect(fake.algorithms.get(lars)?.published?.name).toBe(algorithm.name)
    expect((await deliveryOf(app.payload, algorithm.id))?.nationalLars).toBe(lars)
  })
})

describe('national:sync', () => {
  it('checks without sending in a dry run, then delivers what an organisation published before it connected', async () => {
    const late = await createWorkflowTeam(app.payload, app.url)
    const algorithm = await publishedAlgorithm(app.payload, app.url, late, { name: uniqueName() })
    expect(await deliveryOf(app.payload, algorithm.id)).toBeUndefined()
    const { connection } = await connectOrganisation(app.payload, fake, late.organisation)
    const code = connection.organisationCode as string
    const before = fake.requests.length

    const checked = await syncDeliveries(app.payload, { organisation: code, dryRun: true })
    expect(checked.map((item) => [item.algorithmId, item.outcome])).toEqual([
      [algorithm.id, 'valid'],
    ])
    expect(fake.requests.length).toBe(before)
    expect(await deliveryOf(app.payload, algorithm.id)).toBeUndefined()

    const progress: Array<[number, number]> = []
    const synced = await syncDeliveries(app.payload, {
      organisation: code,
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(synced.map((item) => [item.algorithmId, item.status])).toEqual([
      [algorithm.id, 'vrijgegeven'],
    ])
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ])
    const row = await deliveryOf(app.payload, algorithm.id)
    expect(fake.algorithms.get(row?.nationalLars as string)?.published?.name).toBe(algorithm.name)
  })
})
