/**
 * The fixtures and API clients the access matrix and the attack tests share: two organisations
 * (A and B) with people in every role, documents of every collection in both, and one client per
 * API (REST, GraphQL, Local API with access control) that answers in the same shape.
 */
import { randomBytes } from 'node:crypto'

import type { Payload, Where } from 'payload'

import type { MembershipRole } from '../../../access/roles'
import type {
  Algorithm,
  AuditEvent,
  Organisation,
  PayloadJob,
  Revision,
  User,
} from '../../../payload-types'
import { fieldErrors, graphqlFieldErrors, thrownFieldErrors } from '../../fixtures/fieldErrors'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, graphql, login, rest } from '../../support/fixtures'
import type { TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  publishedAlgorithm,
  type Person,
} from '../../support/workflowHelpers'
import type { Actor, CollectionSlug, OrganisationKey, TargetShape } from './accessExpectations'

/** A person the matrix acts as; anonymous callers have neither user nor token. */
export interface Caller {
  user?: User
  token?: string
}

/** Everything the tests work on. */
export interface World {
  app: TestApp
  orgs: Record<OrganisationKey, Organisation>
  callers: Record<Actor, Caller>
  /** Plain editors who are only ever acted upon. */
  members: Record<OrganisationKey, User>
  concepts: Record<OrganisationKey, Algorithm>
  published: Record<OrganisationKey, Algorithm>
  revisions: Record<OrganisationKey, Revision>
  events: { algorithmA: AuditEvent; otherA: AuditEvent; algorithmB: AuditEvent }
  job: PayloadJob
  /** The internal texts of each organisation's algorithms: must never reach anyone else. */
  secrets: Record<OrganisationKey, Record<string, string>>
}

/** A queue no job runner works on, so fixture jobs stay put. */
export const MATRIX_QUEUE_PREFIX = 'access-matrix'

const FAR_FUTURE = '2999-01-01T00:00:00.000Z'

/** A marker no other test uses. */
export function marker(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}`
}

/** Relationship values to ids, whether populated or not. */
export function idOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  if (value && typeof value === 'object' && 'id' in value)
    return idOf((value as { id: unknown }).id)
  return undefined
}

function internalTexts(code: string): Record<string, string> {
  return {
    internal_notes: `Interne notitie ${code} ${marker('geheim')}`,
    internal_owner: `Eigenaar ${code} ${marker('geheim')}`,
    internal_contact: `Contact ${code} ${marker('geheim')}`,
    publication_category_rationale: `Reden ${code} ${marker('geheim')}`,
  }
}

/** A job in a queue nobody runs, due in the far future. */
export async function createMatrixJob(payload: Payload): Promise<PayloadJob> {
  const job = await payload.jobs.queue({
    task: 'sendNotification',
    queue: marker(MATRIX_QUEUE_PREFIX),
    input: { to: 'matrix@noorderhaaks.example', subject: 'Matrix', text: 'Niet versturen.' },
    waitUntil: new Date(FAR_FUTURE),
  })
  return job as unknown as PayloadJob
}

async function latestEvent(payload: Payload, where: Where): Promise<AuditEvent> {
  const found = await payload.find({
    collection: 'audit-events',
    where: { and: [where, { changes: { exists: true } }] },
    sort: '-sequence',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const event = found.docs[0]
  if (!event) throw new Error(`no audit event for ${JSON.stringify(where)}`)
  return event
}

/** Builds the two organisations, their people and documents (once per test file). */
export async function buildWorld(app: TestApp): Promise<World> {
  const { payload, url } = app
  const teamA = await createWorkflowTeam(payload, url)
  const teamB = await createWorkflowTeam(payload, url)
  const orgs = { A: teamA.organisation, B: teamB.organisation }
  const auditor = await createPerson(payload, url, {
    memberships: [{ organisation: orgs.A.id, role: 'auditor' }],
    name: 'Anna Auditor',
  })
  // The platform admin's only role is in a third organisation: whatever they may do in A and B
  // comes from the flag alone, and their own roles list is not empty (so hiding it would show).
  const elsewhere = await createOrganisation(payload, { name: 'Gemeente Elders' })
  const platformAdmin = await createPerson(payload, url, {
    isPlatformAdmin: true,
    name: 'Pim Platformbeheerder',
    memberships: [{ organisation: elsewhere.id, role: 'auditor' }],
  })
  const asCaller = (person: Person): Caller => ({ user: person.user, token: person.token })
  const callers: Record<Actor, Caller> = {
    anonymous: {},
    editor: asCaller(teamA.editor),
    reviewer: asCaller(teamA.reviewer),
    orgAdmin: asCaller(teamA.admin),
    auditor: asCaller(auditor),
    platformAdmin: asCaller(platformAdmin),
    outsider: asCaller(teamB.admin),
  }
  const members = {
    A: await createUser(payload, {
      name: 'Mila Medewerker A',
      memberships: [{ organisation: orgs.A.id, role: 'redacteur' }],
    }),
    B: await createUser(payload, {
      name: 'Mats Medewerker B',
      memberships: [{ organisation: orgs.B.id, role: 'redacteur' }],
    }),
  }
  const secrets = { A: internalTexts('A'), B: internalTexts('B') }
  const concepts = {
    A: await createAlgorithmAs(
      payload,
      teamA.editor.user,
      completeDescription(orgs.A.id, { name: 'Concept A', ...secrets.A }),
    ),
    B: await createAlgorithmAs(
      payload,
      teamB.editor.user,
      completeDescription(orgs.B.id, { name: 'Concept B', ...secrets.B }),
    ),
  }
  const published = {
    A: await publishedAlgorithm(payload, url, teamA, { name: 'Gepubliceerd A', ...secrets.A }),
    B: await publishedAlgorithm(payload, url, teamB, { name: 'Gepubliceerd B', ...secrets.B }),
  }
  const revisionOf = async (algorithm: Algorithm): Promise<Revision> => {
    const found = await payload.find({
      collection: 'revisions',
      where: { algorithm: { equals: algorithm.id } },
      depth: 0,
      overrideAccess: true,
    })
    if (found.docs.length !== 1) throw new Error(`expected one revision of ${algorithm.id}`)
    return found.docs[0]
  }
  const revisions = { A: await revisionOf(published.A), B: await revisionOf(published.B) }

  // An event that is not about an algorithm: the organisation admin edits the organisation.
  const edited = await rest(url, 'PATCH', `/api/organisations/${orgs.A.id}`, {
    token: teamA.admin.token,
    body: { website: 'https://www.gemeente-a.example' },
  })
  if (edited.status !== 200) throw new Error(`organisation edit failed: ${edited.status}`)
  const events = {
    algorithmA: await latestEvent(payload, {
      organisationId: { equals: orgs.A.id },
      targetCollection: { equals: 'algorithms' },
    }),
    otherA: await latestEvent(payload, {
      organisationId: { equals: orgs.A.id },
      targetCollection: { equals: 'organisations' },
    }),
    algorithmB: await latestEvent(payload, {
      organisationId: { equals: orgs.B.id },
      targetCollection: { equals: 'algorithms' },
    }),
  }
  const job = await createMatrixJob(payload)
  return {
    app,
    orgs,
    callers,
    members,
    concepts,
    published,
    revisions,
    events,
    job,
    secrets,
  }
}

/** A logged-in copy of an actor (same roles), for the cells that delete one's own account. */
export async function cloneCaller(world: World, actor: Actor): Promise<Caller> {
  const original = world.callers[actor].user
  if (!original) throw new Error(`${actor} has no account to clone`)
  const user = await createUser(world.app.payload, {
    name: `Kopie van ${original.name}`,
    isPlatformAdmin: original.isPlatformAdmin === true,
    memberships: (original.memberships ?? []).map((membership) => ({
      organisation: idOf(membership.organisation) as number,
      role: membership.role as MembershipRole,
    })),
  })
  return { user, token: await login(world.app.url, user.email) }
}

/** A fresh document like `target`, for the cells that are allowed to delete it. */
export async function disposableLike(
  world: World,
  collection: CollectionSlug,
  target: TargetShape,
): Promise<number> {
  const { payload } = world.app
  const org = target.org ? world.orgs[target.org].id : undefined
  switch (collection) {
    case 'organisations':
      return (await createOrganisation(payload, { name: marker('Wegwerp') })).id
    case 'users':
      return (
        await createUser(payload, {
          name: marker('Wegwerp'),
          memberships: org ? [{ organisation: org, role: 'redacteur' }] : [],
        })
      ).id
    case 'algorithms':
      if (!org) break
      return (
        await payload.create({
          collection: 'algorithms',
          data: completeDescription(org, { name: marker('Wegwerp') }) as never,
          overrideAccess: true,
          depth: 0,
        })
      ).id
    case 'payload-jobs':
      return (await createMatrixJob(payload)).id
    default:
      break
  }
  throw new Error(`no disposable ${collection} for ${JSON.stringify(target)}`)
}

/** The three ways in: Payload's REST API, its GraphQL API and the Local API with access on. */
export type Channel = 'REST' | 'GraphQL' | 'Local'

/** Every channel, in a fixed order. */
export const CHANNELS: readonly Channel[] = ['REST', 'GraphQL', 'Local']

/** One answer, whichever channel gave it. */
export interface Answer {
  ok: boolean
  /** HTTP status, GraphQL `extensions.statusCode` or the thrown error's status; 0 if none. */
  status: number
  fieldPaths: string[]
  message: string
  doc?: Record<string, unknown>
  docs?: Array<Record<string, unknown>>
}

const GRAPHQL_NAMES: Record<CollectionSlug, { single: string; plural: string }> = {
  organisations: { single: 'Organisation', plural: 'Organisations' },
  users: { single: 'User', plural: 'Users' },
  algorithms: { single: 'Algorithm', plural: 'Algorithms' },
  revisions: { single: 'Revision', plural: 'Revisions' },
  'audit-events': { single: 'AuditEvent', plural: 'AuditEvents' },
  'payload-jobs': { single: 'PayloadJob', plural: 'PayloadJobs' },
}

/** The GraphQL names of a collection. */
export function graphqlNames(collection: CollectionSlug): { single: string; plural: string } {
  return GRAPHQL_NAMES[collection]
}

/** Encodes a value the way Payload's REST API reads query strings (`where[a][in][0]=1`). */
export function queryString(prefix: string, value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item, index) => queryString(`${prefix}[${index}]`, item)).join('&')
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => queryString(`${prefix}[${key}]`, inner))
      .join('&')
  }
  return `${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Payload's GraphQL spells the logical operators `AND` and `OR`. */
export function graphqlWhere(where: unknown): unknown {
  if (Array.isArray(where)) return where.map(graphqlWhere)
  if (!isRecord(where)) return where
  return Object.fromEntries(
    Object.entries(where).map(([key, value]) => [
      key === 'and' || key === 'or' ? key.toUpperCase() : key,
      graphqlWhere(value),
    ]),
  )
}

function restAnswer(status: number, body: unknown): Answer {
  const record = isRecord(body) ? body : {}
  const errors = Array.isArray(record.errors) ? record.errors : []
  const first = isRecord(errors[0]) ? String(errors[0].message) : ''
  return {
    ok: status >= 200 && status < 300,
    status,
    fieldPaths: fieldErrors(body).map((error) => error.path),
    message: first,
    doc: isRecord(record.doc) ? record.doc : 'id' in record ? record : undefined,
    docs: Array.isArray(record.docs) ? (record.docs as Array<Record<string, unknown>>) : undefined,
  }
}

function graphqlAnswer(
  body: { data?: Record<string, unknown> | null; errors?: unknown },
  field: string,
): Answer {
  const errors = Array.isArray(body?.errors) ? body.errors : []
  const first = isRecord(errors[0]) ? errors[0] : undefined
  const extensions = first && isRecord(first.extensions) ? first.extensions : {}
  const value = body?.data?.[field]
  const record = isRecord(value) ? value : undefined
  return {
    ok: errors.length === 0 && value !== null && value !== undefined,
    status: typeof extensions.statusCode === 'number' ? extensions.statusCode : 0,
    fieldPaths: graphqlFieldErrors(errors).map((error) => error.path),
    message: first ? String(first.message) : '',
    doc: record && !Array.isArray(record.docs) ? record : undefined,
    docs:
      record && Array.isArray(record.docs)
        ? (record.docs as Array<Record<string, unknown>>)
        : undefined,
  }
}

function localError(error: unknown): Answer {
  const record = isRecord(error) ? error : {}
  return {
    ok: false,
    status: typeof record.status === 'number' ? record.status : 500,
    fieldPaths: thrownFieldErrors(error).map((entry) => entry.path),
    message: error instanceof Error ? error.message : String(error),
  }
}

async function local(run: () => Promise<unknown>): Promise<Answer> {
  try {
    const result = await run()
    const record = isRecord(result) ? result : {}
    return {
      ok: true,
      status: 200,
      fieldPaths: [],
      message: '',
      doc: Array.isArray(record.docs) ? undefined : record,
      docs: Array.isArray(record.docs)
        ? (record.docs as Array<Record<string, unknown>>)
        : undefined,
    }
  } catch (error) {
    return localError(error)
  }
}

/** The same operations through one channel, as one caller. */
export interface Api {
  create(collection: CollectionSlug, data: Record<string, unknown>): Promise<Answer>
  find(collection: CollectionSlug, where: Where, sort?: string): Promise<Answer>
  /** `selection`: the GraphQL selection set; REST and Local return the whole document. */
  findByID(collection: CollectionSlug, id: number, selection?: string): Promise<Answer>
  update(collection: CollectionSlug, id: number, data: Record<string, unknown>): Promise<Answer>
  remove(collection: CollectionSlug, id: number): Promise<Answer>
  /** Payload's own version list of a collection. */
  payloadVersions(collection: CollectionSlug): Promise<Answer>
}

/** An {@link Api} for `caller` through `channel`. */
export function apiFor(world: World, channel: Channel, caller: Caller): Api {
  const { url, payload } = world.app
  const token = caller.token
  if (channel === 'REST') {
    return {
      async create(collection, data) {
        const r = await rest(url, 'POST', `/api/${collection}?depth=0`, { token, body: data })
        return restAnswer(r.status, r.body)
      },
      async find(collection, where, sort) {
        const sorting = sort ? `&sort=${encodeURIComponent(sort)}` : ''
        const path = `/api/${collection}?depth=0&limit=500${sorting}&${queryString('where', where)}`
        const r = await rest(url, 'GET', path, { token })
        return restAnswer(r.status, r.body)
      },
      async findByID(collection, id) {
        const r = await rest(url, 'GET', `/api/${collection}/${id}?depth=0`, { token })
        return restAnswer(r.status, r.body)
      },
      async update(collection, id, data) {
        const r = await rest(url, 'PATCH', `/api/${collection}/${id}?depth=0`, {
          token,
          body: data,
        })
        return restAnswer(r.status, r.body)
      },
      async remove(collection, id) {
        const r = await rest(url, 'DELETE', `/api/${collection}/${id}?depth=0`, { token })
        return restAnswer(r.status, r.body)
      },
      async payloadVersions(collection) {
        const r = await rest(url, 'GET', `/api/${collection}/versions?depth=0`, { token })
        return restAnswer(r.status, r.body)
      },
    }
  }
  if (channel === 'GraphQL') {
    const run = async (query: string, variables: Record<string, unknown>, field: string) => {
      const r = await graphql<Record<string, unknown>>(url, query, variables, { token })
      return graphqlAnswer(r.body, field)
    }
    return {
      create(collection, data) {
        const { single } = graphqlNames(collection)
        return run(
          `mutation($data: mutation${single}Input!) { create${single}(data: $data) { id } }`,
          { data },
          `create${single}`,
        )
      },
      find(collection, where, sort) {
        const { single, plural } = graphqlNames(collection)
        return run(
          `query($where: ${single}_where, $sort: String) { ${plural}(where: $where, sort: $sort, limit: 500) { docs { id } } }`,
          { where: graphqlWhere(where), sort },
          plural,
        )
      },
      findByID(collection, id, selection = 'id') {
        const { single } = graphqlNames(collection)
        return run(`query($id: Int!) { ${single}(id: $id) { id ${selection} } }`, { id }, single)
      },
      update(collection, id, data) {
        const { single } = graphqlNames(collection)
        return run(
          `mutation($id: Int!, $data: mutation${single}UpdateInput!) { update${single}(id: $id, data: $data) { id } }`,
          { id, data },
          `update${single}`,
        )
      },
      remove(collection, id) {
        const { single } = graphqlNames(collection)
        return run(
          `mutation($id: Int!) { delete${single}(id: $id) { id } }`,
          { id },
          `delete${single}`,
        )
      },
      payloadVersions(collection) {
        const { plural } = graphqlNames(collection)
        return run(`{ versions${plural} { docs { id } } }`, {}, `versions${plural}`)
      },
    }
  }
  // The Local API as the admin and scripts use it: the user's own rights, access control on.
  const user = caller.user ? ({ ...caller.user, collection: 'users' } as never) : undefined
  const common = { user, overrideAccess: false, depth: 0 } as const
  return {
    create: (collection, data) =>
      local(() => payload.create({ collection, data: data as never, ...common })),
    find: (collection, where, sort) =>
      local(() => payload.find({ collection, where, sort, limit: 500, ...common })),
    findByID: (collection, id) => local(() => payload.findByID({ collection, id, ...common })),
    update: (collection, id, data) =>
      local(() => payload.update({ collection, id, data: data as never, ...common })),
    remove: (collection, id) => local(() => payload.delete({ collection, id, ...common })),
    payloadVersions: (collection) => local(() => payload.findVersions({ collection, ...common })),
  }
}

/** The stored document, read past access control. */
export async function stored(
  world: World,
  collection: CollectionSlug,
  id: number,
): Promise<Record<string, unknown> | null> {
  const found = await world.app.payload.find({
    collection,
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (found.docs[0] as unknown as Record<string, unknown> | undefined) ?? null
}
