/**
 * The access matrix: every actor × every collection × every operation × every target document,
 * and every actor × every sensitive field × read/write × every target, generated from the one
 * table in accessExpectations.ts and asserted through REST, GraphQL and the Local API with access
 * control on. Each cell checks both the answer and what the database holds afterwards.
 */
import { isDeepStrictEqual } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { TEST_PASSWORD, rest, uniqueMunicipalityCode } from '../../support/fixtures'
import { closeTestApp, testApp } from '../../support/testApp'
import {
  ACTOR_NAMES,
  ACTORS,
  COLLECTIONS,
  FIELD_RULES,
  OPERATIONS,
  collectionScope,
  scopeAllows,
  type Actor,
  type CollectionSlug,
  type FieldRule,
  type Operation,
  type OrganisationKey,
  type TargetShape,
} from './accessExpectations'
import {
  CHANNELS,
  apiFor,
  buildWorld,
  cloneCaller,
  disposableLike,
  idOf,
  marker,
  stored,
  type Answer,
  type Api,
  type Caller,
  type Channel,
  type World,
} from './accessWorld'

/** A target as the table sees it, plus a key that names the cell. */
interface TargetDef extends TargetShape {
  key: string
}

const doc = (key: string, org: OrganisationKey, kind: TargetShape['kind'] = 'doc'): TargetDef => ({
  key,
  kind,
  org,
})
const SELF: TargetDef = { key: 'self', kind: 'self', org: null }
const GLOBAL = (key: string): TargetDef => ({ key, kind: 'global', org: null })
const PAYLOAD_VERSIONS: TargetDef = { key: 'payloadVersions', kind: 'payloadVersions', org: null }

/** The existing documents read, updated and deleted in each collection. */
const ROW_TARGETS: Record<CollectionSlug, TargetDef[]> = {
  organisations: [doc('orgA', 'A'), doc('orgB', 'B')],
  users: [doc('memberA', 'A'), doc('memberB', 'B'), SELF],
  algorithms: [doc('conceptA', 'A'), doc('conceptB', 'B')],
  revisions: [doc('revisionA', 'A'), doc('revisionB', 'B')],
  'audit-events': [
    doc('algorithmEventA', 'A'),
    doc('otherEventA', 'A', 'otherEvent'),
    doc('algorithmEventB', 'B'),
  ],
  'payload-jobs': [GLOBAL('job')],
}

/** Where a new document would live. */
const CREATE_TARGETS: Record<CollectionSlug, TargetDef[]> = {
  organisations: [GLOBAL('newOrganisation')],
  users: [doc('newInA', 'A'), doc('newInB', 'B')],
  algorithms: [doc('newInA', 'A'), doc('newInB', 'B')],
  revisions: [doc('newInA', 'A'), doc('newInB', 'B')],
  'audit-events': [doc('newInA', 'A'), doc('newInB', 'B')],
  'payload-jobs': [GLOBAL('newJob')],
}

/** Versions: an algorithm's published revisions, and Payload's version endpoint everywhere. */
const VERSION_TARGETS: Record<CollectionSlug, TargetDef[]> = {
  organisations: [PAYLOAD_VERSIONS],
  users: [PAYLOAD_VERSIONS],
  algorithms: [doc('publishedA', 'A'), doc('publishedB', 'B'), PAYLOAD_VERSIONS],
  revisions: [PAYLOAD_VERSIONS],
  'audit-events': [PAYLOAD_VERSIONS],
  'payload-jobs': [PAYLOAD_VERSIONS],
}

function targetsFor(collection: CollectionSlug, operation: Operation, actor: Actor): TargetDef[] {
  const all =
    operation === 'create'
      ? CREATE_TARGETS[collection]
      : operation === 'readVersions'
        ? VERSION_TARGETS[collection]
        : ROW_TARGETS[collection]
  // Anonymous callers have no account of their own.
  return actor === 'anonymous' ? all.filter((target) => target.kind !== 'self') : all
}

/** Field errors that are a refusal (a guard said no), not a bad test payload. */
const GUARDED_PATHS = new Set([
  'memberships',
  'isPlatformAdmin',
  'code',
  'organization',
  'workflow',
  'lars',
  'standard_version',
  'publication_dt',
  'basedOn',
])

/** The call was refused by access control or a guard, with a status that says so. */
function refused(answer: Answer): boolean {
  if (answer.ok) return false
  if (answer.status === 403 || answer.status === 404) return true
  return (
    answer.status === 400 && answer.fieldPaths.some((path) => GUARDED_PATHS.has(path.split('.')[0]))
  )
}

function describeAnswer(answer: Answer): string {
  return `${answer.ok ? 'ok' : 'error'} ${answer.status} ${answer.message} ${answer.fieldPaths.join(',')}`.trim()
}

let app: Awaited<ReturnType<typeof testApp>>
let world: World

beforeAll(async () => {
  app = await testApp()
  world = await buildWorld(app)
}, 600_000)

afterAll(async () => {
  await closeTestApp()
})

/** The id of a target document in the world. */
function idFor(collection: CollectionSlug, target: TargetDef, caller: Caller): number {
  const { orgs, members, concepts, revisions, events, job, published } = world
  const byKey: Record<string, number | undefined> = {
    orgA: orgs.A.id,
    orgB: orgs.B.id,
    memberA: members.A.id,
    memberB: members.B.id,
    self: caller.user?.id,
    conceptA: concepts.A.id,
    conceptB: concepts.B.id,
    revisionA: revisions.A.id,
    revisionB: revisions.B.id,
    algorithmEventA: events.algorithmA.id,
    otherEventA: events.otherA.id,
    algorithmEventB: events.algorithmB.id,
    job: job.id,
    publishedA: published.A.id,
    publishedB: published.B.id,
  }
  const id = byKey[target.key]
  if (id === undefined) throw new Error(`no ${collection} document for target ${target.key}`)
  return id
}

let sequence = 0

/** A valid new document for `collection` in the target's organisation, and how to find it. */
function newDocument(
  collection: CollectionSlug,
  target: TargetDef,
): { data: Record<string, unknown>; where: Record<string, unknown> } {
  sequence += 1
  const mark = marker(`matrix${sequence}`)
  const org = target.org ? world.orgs[target.org].id : undefined
  const algorithm = target.org ? world.published[target.org] : undefined
  switch (collection) {
    case 'organisations':
      return { data: { name: mark, type: 'gemeente' }, where: { name: { equals: mark } } }
    case 'users': {
      const email = `${mark}@noorderhaaks.example`
      return {
        data: {
          email,
          password: TEST_PASSWORD,
          name: mark,
          memberships: [{ organisation: org, role: 'redacteur' }],
        },
        where: { email: { equals: email } },
      }
    }
    case 'algorithms':
      return { data: { name: mark, organization: org }, where: { name: { equals: mark } } }
    case 'revisions':
      return {
        data: {
          title: mark,
          algorithm: algorithm?.id,
          organisationId: org,
          lars: algorithm?.lars,
          revisionNumber: 100 + sequence,
          source: 'approval',
          standardVersion: '1.0',
          snapshot: { name: mark },
          contentHash: mark,
          approvedAt: new Date().toISOString(),
        },
        where: { title: { equals: mark } },
      }
    case 'audit-events':
      return {
        data: {
          sequence: 900_000_000 + sequence,
          eventType: 'update',
          summary: mark,
          occurredAt: new Date().toISOString(),
          organisationId: org,
          targetCollection: 'algorithms',
          targetId: String(algorithm?.id),
          previousHash: mark,
          hash: mark,
        },
        where: { summary: { equals: mark } },
      }
    case 'payload-jobs':
      return {
        data: {
          taskSlug: 'sendNotification',
          queue: mark,
          input: { to: 'matrix@noorderhaaks.example', subject: mark, text: 'Niet versturen.' },
          waitUntil: '2999-01-01T00:00:00.000Z',
        },
        where: { queue: { equals: mark } },
      }
  }
}

/** A harmless change per collection: the field and a fresh value. */
function harmlessChange(collection: CollectionSlug): { field: string; value: string } {
  sequence += 1
  const mark = marker(`wijziging${sequence}`)
  const field: Record<CollectionSlug, string> = {
    organisations: 'website',
    users: 'name',
    algorithms: 'provider',
    revisions: 'changeSummary',
    'audit-events': 'summary',
    'payload-jobs': 'queue',
  }
  const value = collection === 'organisations' ? `https://www.${mark}.example` : mark
  return { field: field[collection], value }
}

async function countWhere(collection: CollectionSlug, where: Record<string, unknown>) {
  const { totalDocs } = await app.payload.count({
    collection,
    where: where as never,
    overrideAccess: true,
  })
  return totalDocs
}

const idsOf = (answer: Answer): number[] =>
  answer.ok ? (answer.docs ?? []).map((entry) => idOf(entry.id) as number) : []

/** Every cell checked, per channel (`actor|subject|operation|target`). */
const checked: Record<Channel, Set<string>> = {
  REST: new Set(),
  GraphQL: new Set(),
  Local: new Set(),
}

/** Every cell the table and the targets call for, per channel. */
function plannedCells(): Set<string> {
  const cells = new Set<string>()
  for (const actor of ACTOR_NAMES) {
    for (const collection of COLLECTIONS) {
      for (const operation of OPERATIONS) {
        for (const target of targetsFor(collection, operation, actor)) {
          cells.add(`${actor}|${collection}|${operation}|${target.key}`)
        }
      }
    }
    for (const rule of FIELD_RULES) {
      for (const access of ['read', 'write'] as const) {
        for (const target of targetsFor(rule.collection, 'read', actor)) {
          cells.add(`${actor}|${rule.collection}.${rule.field}|${access}|${target.key}`)
        }
      }
    }
  }
  return cells
}

/** Runs one collection × operation cell group for an actor; returns the failed cells. */
async function checkOperation(
  channel: Channel,
  actor: Actor,
  collection: CollectionSlug,
  operation: Operation,
): Promise<string[]> {
  const caller = world.callers[actor]
  const api = apiFor(world, channel, caller)
  const scope = collectionScope(collection, operation, actor)
  const failures: string[] = []
  const targets = targetsFor(collection, operation, actor)
  const cell = (target: TargetDef) => `${actor}|${collection}|${operation}|${target.key}`
  const verdict = (target: TargetDef, pass: boolean, detail: string) => {
    checked[channel].add(cell(target))
    if (!pass) failures.push(`${cell(target)} (${scope}): ${detail}`)
  }

  if (operation === 'read') {
    const ids = targets.map((target) => idFor(collection, target, caller))
    // GraphQL's id filter has no `in`: ask for each id instead, the same query on every channel.
    const list = await api.find(collection, { or: ids.map((id) => ({ id: { equals: id } })) })
    if (!list.ok && !refused(list))
      failures.push(`${actor}|${collection}|list: ${describeAnswer(list)}`)
    const visible = idsOf(list)
    for (const [index, target] of targets.entries()) {
      const allowed = scopeAllows(scope, actor, target)
      const one = await api.findByID(collection, ids[index])
      const pass = visible.includes(ids[index]) === allowed && (allowed ? one.ok : refused(one))
      verdict(target, pass, `listed ${visible.includes(ids[index])}, by id ${describeAnswer(one)}`)
    }
    return failures
  }

  for (const target of targets) {
    const allowed = scopeAllows(scope, actor, target)
    if (operation === 'create') {
      const { data, where } = newDocument(collection, target)
      const answer = await api.create(collection, data)
      const count = await countWhere(collection, where)
      const pass = allowed ? answer.ok && count === 1 : refused(answer) && count === 0
      verdict(target, pass, `${describeAnswer(answer)}, stored ${count}`)
    } else if (operation === 'update') {
      const id = idFor(collection, target, caller)
      const before = await stored(world, collection, id)
      const { field, value } = harmlessChange(collection)
      const answer = await api.update(collection, id, { [field]: value })
      const after = await stored(world, collection, id)
      const pass = allowed
        ? answer.ok && after?.[field] === value
        : refused(answer) && after?.[field] === before?.[field]
      verdict(target, pass, `${describeAnswer(answer)}, stored ${String(after?.[field])}`)
    } else if (operation === 'delete') {
      // An allowed delete gets a fresh document (or a fresh copy of the actor) to destroy.
      let who = api
      let id: number
      if (!allowed) id = idFor(collection, target, caller)
      else if (target.kind === 'self') {
        const clone = await cloneCaller(world, actor)
        who = apiFor(world, channel, clone)
        id = clone.user?.id as number
      } else id = await disposableLike(world, collection, target)
      const answer = await who.remove(collection, id)
      const exists = (await stored(world, collection, id)) !== null
      const pass = allowed ? answer.ok && !exists : refused(answer) && exists
      verdict(target, pass, `${describeAnswer(answer)}, still there ${exists}`)
    } else if (target.kind === 'payloadVersions') {
      const answer = await api.payloadVersions(collection)
      const pass =
        channel === 'GraphQL'
          ? !answer.ok && /Cannot query field/.test(answer.message)
          : refused(answer) && (answer.docs ?? []).length === 0
      verdict(target, pass, describeAnswer(answer))
    } else {
      // The register's versions of an algorithm are its published revisions.
      const id = idFor(collection, target, caller)
      const expected = allowed ? [world.revisions[target.org as OrganisationKey].id] : []
      const answer = await api.find('revisions', { algorithm: { equals: id } })
      const pass =
        (answer.ok || (refused(answer) && !allowed)) && isDeepStrictEqual(idsOf(answer), expected)
      verdict(target, pass, `${describeAnswer(answer)}, revisions ${JSON.stringify(idsOf(answer))}`)
    }
  }
  return failures
}

/** How the matrix reads, writes and puts back one sensitive field. */
interface FieldProbe {
  selection: string
  get(doc: Record<string, unknown> | null | undefined): unknown
  change(
    before: Record<string, unknown>,
    actor: Actor,
    target: TargetDef,
  ): Promise<Record<string, unknown>>
  restore(before: Record<string, unknown>): Record<string, unknown>
}

const ROLE_ORDER = ['beheerder', 'goedkeurder', 'redacteur', 'auditor'] as const

function membershipsOf(doc: Record<string, unknown> | null | undefined) {
  const list = Array.isArray(doc?.memberships)
    ? (doc.memberships as Array<Record<string, unknown>>)
    : []
  return list.map((m) => ({ organisation: idOf(m.organisation) as number, role: String(m.role) }))
}

const textProbe = (field: string): FieldProbe => ({
  selection: field,
  get: (entry) => entry?.[field] ?? null,
  change: async () => ({ [field]: marker('nieuw') }),
  restore: (before) => ({ [field]: before[field] }),
})

function probeFor(rule: FieldRule): FieldProbe {
  switch (`${rule.collection}.${rule.field}`) {
    case 'algorithms.workflow.state':
      return {
        selection: 'workflow { state }',
        get: (entry) => (entry?.workflow as { state?: unknown } | undefined)?.state ?? null,
        change: async () => ({ workflow: { state: 'gepubliceerd' } }),
        restore: (before) => ({ workflow: before.workflow }),
      }
    case 'algorithms.lars':
      return { ...textProbe('lars'), change: async () => ({ lars: '12345670' }) }
    case 'algorithms.organization':
      return {
        selection: 'organization { id }',
        get: (entry) => idOf(entry?.organization) ?? null,
        change: async (before) => ({
          organization:
            idOf(before.organization) === world.orgs.A.id ? world.orgs.B.id : world.orgs.A.id,
        }),
        restore: (before) => ({ organization: idOf(before.organization) }),
      }
    case 'users.isPlatformAdmin':
      return {
        selection: 'isPlatformAdmin',
        get: (entry) => entry?.isPlatformAdmin ?? null,
        change: async (before) => ({ isPlatformAdmin: before.isPlatformAdmin !== true }),
        restore: (before) => ({ isPlatformAdmin: before.isPlatformAdmin }),
      }
    case 'users.memberships':
      return {
        selection: 'memberships { role organisation { id } }',
        get: (entry) =>
          membershipsOf(entry)
            .map((m) => `${m.organisation}:${m.role}`)
            .sort(),
        change: async (before, actor, target) => {
          const current = membershipsOf(before)
          const orgKey = target.org ?? ACTORS[actor].home ?? 'A'
          const organisation = world.orgs[orgKey].id
          // The strongest role the person does not hold there yet: an attempt to climb.
          const role = ROLE_ORDER.find(
            (candidate) =>
              !current.some((m) => m.organisation === organisation && m.role === candidate),
          )
          return { memberships: [...current, { organisation, role }] }
        },
        restore: (before) => ({ memberships: membershipsOf(before) }),
      }
    case 'organisations.code':
      return {
        ...textProbe('code'),
        change: async () => ({ code: await uniqueMunicipalityCode(app.payload) }),
      }
    case 'audit-events.changes':
      return { ...textProbe('changes'), change: async () => ({ changes: { matrix: marker('x') } }) }
    default:
      return textProbe(rule.field)
  }
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0)

/** Runs the read and write cells of one sensitive field for an actor. */
async function checkField(channel: Channel, actor: Actor, rule: FieldRule): Promise<string[]> {
  const caller = world.callers[actor]
  const api: Api = apiFor(world, channel, caller)
  const probe = probeFor(rule)
  const subject = `${rule.collection}.${rule.field}`
  const failures: string[] = []
  for (const target of targetsFor(rule.collection, 'read', actor)) {
    const id = idFor(rule.collection, target, caller)
    const before = await stored(world, rule.collection, id)
    if (!before || isEmpty(probe.get(before)))
      throw new Error(`${subject} of ${target.key} is empty`)

    const readCell = `${actor}|${subject}|read|${target.key}`
    const mayRead = scopeAllows(rule.read[ACTORS[actor].role], actor, target)
    const read = await api.findByID(rule.collection, id, probe.selection)
    const seen = read.ok ? probe.get(read.doc) : undefined
    const readPass = mayRead
      ? read.ok && isDeepStrictEqual(seen, probe.get(before))
      : refused(read) || (read.ok && isEmpty(seen))
    checked[channel].add(readCell)
    if (!readPass)
      failures.push(`${readCell}: ${describeAnswer(read)}, saw ${JSON.stringify(seen)}`)

    const writeCell = `${actor}|${subject}|write|${target.key}`
    const mayWrite = scopeAllows(rule.write[ACTORS[actor].role], actor, target)
    const data = await probe.change(before, actor, target)
    const write = await api.update(rule.collection, id, data)
    const after = await stored(world, rule.collection, id)
    const changed = !isDeepStrictEqual(probe.get(after), probe.get(before))
    const writePass = mayWrite
      ? write.ok && isDeepStrictEqual(probe.get(after), probe.get(data))
      : refused(write) && !changed
    checked[channel].add(writeCell)
    if (!writePass) {
      failures.push(
        `${writeCell}: ${describeAnswer(write)}, stored ${JSON.stringify(probe.get(after))}`,
      )
    }
    if (changed) {
      await app.payload.update({
        collection: rule.collection,
        id,
        data: probe.restore(before) as never,
        overrideAccess: true,
      })
    }
  }
  return failures
}

describe.each(CHANNELS)('through %s', (channel) => {
  describe.each(COLLECTIONS)('%s', (collection) => {
    it.each(ACTOR_NAMES)(`%s: ${OPERATIONS.join(', ')} as the table says`, async (actor) => {
      const failures: string[] = []
      for (const operation of OPERATIONS) {
        failures.push(...(await checkOperation(channel, actor, collection, operation)))
      }
      expect(failures).toEqual([])
    })
  })

  describe.each(FIELD_RULES.map((rule) => [`${rule.collection}.${rule.field}`, rule] as const))(
    'field %s',
    (_name, rule) => {
      it.each(ACTOR_NAMES)('%s: read and write as the table says', async (actor) => {
        expect(await checkField(channel, actor, rule)).toEqual([])
      })
    },
  )
})

/** What the admin panel is told about a collection (it shows buttons from this). */
type AdminPermissions = Record<string, boolean | { permission?: boolean } | undefined>

/** Payload answers `true` for a plain yes and `{ permission, where }` for a scoped one. */
const permitted = (value: AdminPermissions[string]) =>
  value === true || (typeof value === 'object' && value?.permission === true)

/** Operations the admin panel asks about; versions are covered by the cells above. */
const ADMIN_OPERATIONS = ['create', 'read', 'update', 'delete'] as const

const adminChecked = new Set<string>()

describe('the admin panel’s permissions (/api/access)', () => {
  it.each(ACTOR_NAMES)('%s: the admin offers exactly what the table allows', async (actor) => {
    const answer = await rest<{ collections?: Record<string, AdminPermissions> }>(
      app.url,
      'GET',
      '/api/access',
      { token: world.callers[actor].token },
    )
    expect(answer.status).toBe(200)
    const failures: string[] = []
    for (const collection of COLLECTIONS) {
      for (const operation of ADMIN_OPERATIONS) {
        const expected = collectionScope(collection, operation, actor) !== 'none'
        const actual = permitted(answer.body.collections?.[collection]?.[operation])
        adminChecked.add(`${actor}|${collection}|${operation}`)
        if (actual !== expected) failures.push(`${actor}|${collection}|${operation}: ${actual}`)
      }
    }
    expect(failures).toEqual([])
  })
})

describe('the matrix as a whole', () => {
  it('checked every cell of the table through every channel', () => {
    const planned = [...plannedCells()].sort()
    for (const channel of CHANNELS) {
      expect([...checked[channel]].sort()).toEqual(planned)
    }
    expect(adminChecked.size).toBe(
      ACTOR_NAMES.length * COLLECTIONS.length * ADMIN_OPERATIONS.length,
    )
    console.log(
      `Access matrix: ${checked.REST.size} cells through REST, ${checked.GraphQL.size} through GraphQL, ${checked.Local.size} through the Local API (overrideAccess: false), ${adminChecked.size} admin permissions.`,
    )
  })
})
