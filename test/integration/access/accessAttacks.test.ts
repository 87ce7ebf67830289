/**
 * Attacks on the access rules: what someone would try to get at another organisation's data or
 * to raise their own privileges, through REST, GraphQL and the Local API with access control on.
 * The plain "who may do what" cells are in accessMatrix.test.ts; these are the crafted requests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '../../../payload-types'
import {
  fieldErrors,
  graphqlFieldErrors,
  thrownBy,
  thrownFieldErrors,
} from '../../fixtures/fieldErrors'
import { LOGIN_LOCKOUT } from '../../../collections/Users'
import { TEST_PASSWORD, createUser, graphql, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { transition } from '../../support/workflowHelpers'
import { apiFor, buildWorld, marker, queryString, stored, type World } from './accessWorld'

let app: TestApp
let world: World

beforeAll(async () => {
  app = await testApp()
  world = await buildWorld(app)
}, 600_000)

afterAll(async () => {
  await closeTestApp()
})

let defined = 0
let passed = 0
let attempts = 0

/** One attack: counted when defined and again when it was fended off. */
function attack(name: string, run: () => Promise<void>): void {
  defined += 1
  it(name, async () => {
    await run()
    passed += 1
  })
}

/** Counts one crafted request and hands its result on. */
async function tried<T>(request: Promise<T>): Promise<T> {
  attempts += 1
  return request
}

const tokenOf = (actor: keyof World['callers']) => world.callers[actor].token
const userOf = (actor: keyof World['callers']) =>
  ({ ...(world.callers[actor].user as User), collection: 'users' }) as never

/** True when no internal text of organisation A appears anywhere in `value`. */
function leaksNothingOfA(value: unknown): boolean {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null)
  return Object.values(world.secrets.A).every((secret) => !text.includes(secret))
}

/** The random word that makes an internal text unique. */
const uniquePart = (secret: string) => secret.split(' ').at(-1) as string

const statusOfGraphql = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  body.errors?.[0]?.extensions?.statusCode

describe('another organisation’s documents', () => {
  attack('reading an algorithm of another organisation by id gets nothing', async () => {
    const id = world.published.A.id
    const token = tokenOf('outsider')
    for (const path of [
      `/api/algorithms/${id}`,
      `/api/algorithms/${id}?depth=2`,
      `/api/algorithms/${id}/workflow`,
      `/api/algorithms/${id}/compare?from=1&to=1`,
      `/api/revisions/${world.revisions.A.id}`,
      `/api/audit-events/${world.events.algorithmA.id}`,
    ]) {
      const answer = await tried(rest(app.url, 'GET', path, { token }))
      expect([403, 404]).toContain(answer.status)
      expect(leaksNothingOfA(answer.body)).toBe(true)
    }
    const viaGraphql = await tried(
      graphql<{ Algorithm: unknown }>(
        app.url,
        `
          query ($id: Int!) {
            Algorithm(id: $id) {
              id
              name
              internal_notes
              internal_owner
            }
          }
        `,
        { id },
        { token },
      ),
    )
    expect(viaGraphql.body.data?.Algorithm ?? null).toBeNull()
    expect(statusOfGraphql(viaGraphql.body)).toBe(404)
    expect(leaksNothingOfA(viaGraphql.body)).toBe(true)
    const viaLocal = await tried(
      thrownBy(() =>
        app.payload.findByID({
          collection: 'algorithms',
          id,
          user: userOf('outsider'),
          overrideAccess: false,
        }),
      ),
    )
    expect((viaLocal as { status?: number }).status).toBe(404)
  })

  attack(
    'updating or deleting an algorithm of another organisation by id changes nothing',
    async () => {
      const id = world.concepts.A.id
      const before = await stored(world, 'algorithms', id)
      for (const channel of ['REST', 'GraphQL', 'Local'] as const) {
        const api = apiFor(world, channel, world.callers.outsider)
        const update = await tried(api.update('algorithms', id, { provider: 'Overname B.V.' }))
        expect(update.ok).toBe(false)
        expect([403, 404]).toContain(update.status)
        const remove = await tried(api.remove('algorithms', id))
        expect(remove.ok).toBe(false)
        expect([403, 404]).toContain(remove.status)
      }
      expect(await stored(world, 'algorithms', id)).toEqual(before)
    },
  )

  attack('bulk updates and deletes by a filter reach no other organisation', async () => {
    const id = world.concepts.A.id
    const before = await stored(world, 'algorithms', id)
    const filter = queryString('where', { id: { equals: id } })
    const token = tokenOf('outsider')
    const update = await tried(
      rest<{ docs?: unknown[] }>(app.url, 'PATCH', `/api/algorithms?${filter}`, {
        token,
        body: { provider: 'Overname B.V.' },
      }),
    )
    expect(update.body.docs ?? []).toEqual([])
    const remove = await tried(
      rest<{ docs?: unknown[] }>(app.url, 'DELETE', `/api/algorithms?${filter}`, { token }),
    )
    expect(remove.body.docs ?? []).toEqual([])
    const local = await tried(
      app.payload.update({
        collection: 'algorithms',
        where: { id: { equals: id } },
        data: { provider: 'Overname B.V.' },
        user: userOf('outsider'),
        overrideAccess: false,
      }),
    )
    expect(local.docs).toEqual([])
    expect(await stored(world, 'algorithms', id)).toEqual(before)
  })

  attack('workflow actions on another organisation’s algorithm are refused', async () => {
    const id = world.published.A.id
    const token = tokenOf('outsider') as string
    const withdraw = await tried(
      transition(app.url, token, id, {
        action: 'withdraw',
        expectedState: 'gepubliceerd',
        reason: 'x',
      }),
    )
    expect(withdraw.status).toBe(404)
    const restore = await tried(
      rest(app.url, 'POST', `/api/algorithms/${id}/restore`, {
        token,
        body: { revisionNumber: 1, expectedState: 'gepubliceerd' },
      }),
    )
    expect(restore.status).toBe(404)
    const exported = await tried(
      rest(app.url, 'GET', `/api/audit-events/export?organisation=${world.orgs.A.id}&format=json`, {
        token,
      }),
    )
    expect([403, 404]).toContain(exported.status)
    expect((await stored(world, 'algorithms', id))?.workflow).toEqual(world.published.A.workflow)
  })

  attack('moving an algorithm to one’s own organisation is refused', async () => {
    const id = world.concepts.A.id
    const outsider = await tried(
      rest(app.url, 'PATCH', `/api/algorithms/${id}`, {
        token: tokenOf('outsider'),
        body: { organization: world.orgs.B.id },
      }),
    )
    expect(outsider.status).toBe(403)
    // Someone who writes in both organisations may still not move it.
    const both = await createUser(app.payload, {
      memberships: [
        { organisation: world.orgs.A.id, role: 'beheerder' },
        { organisation: world.orgs.B.id, role: 'beheerder' },
      ],
    })
    const token = await login(app.url, both.email)
    const moved = await tried(
      rest(app.url, 'PATCH', `/api/algorithms/${id}`, {
        token,
        body: { organization: world.orgs.B.id },
      }),
    )
    expect(moved.status).toBe(400)
    expect(fieldErrors(moved.body).map((error) => error.path)).toEqual(['organization'])
    const viaGraphql = await tried(
      graphql(
        app.url,
        `
          mutation ($id: Int!, $org: Int) {
            updateAlgorithm(id: $id, data: { organization: $org }) {
              id
            }
          }
        `,
        { id, org: world.orgs.B.id },
        { token },
      ),
    )
    expect(graphqlFieldErrors(viaGraphql.body.errors).map((error) => error.path)).toEqual([
      'organization',
    ])
    const viaLocal = await tried(
      thrownBy(() =>
        app.payload.update({
          collection: 'algorithms',
          id,
          data: { organization: world.orgs.B.id },
          user: { ...both, collection: 'users' } as never,
          overrideAccess: false,
        }),
      ),
    )
    expect(thrownFieldErrors(viaLocal).map((error) => error.path)).toEqual(['organization'])
    // Nor can an outsider create a description in someone else's name.
    const created = await tried(
      rest(app.url, 'POST', '/api/algorithms', {
        token: tokenOf('outsider'),
        body: { name: marker('Namens A'), organization: world.orgs.A.id },
      }),
    )
    expect(created.status).toBe(403)
    expect((await stored(world, 'algorithms', id))?.organization).toBe(world.orgs.A.id)
  })

  attack('workflow fields cannot be set when creating a description', async () => {
    const token = tokenOf('editor')
    const cases: Array<[string, Record<string, unknown>]> = [
      ['workflow', { workflow: { state: 'gepubliceerd' } }],
      ['lars', { lars: '12345670' }],
      ['standard_version', { standard_version: '2.0' }],
      ['publication_dt', { publication_dt: '2020-01-01' }],
      ['basedOn', { basedOn: { lars: '12345670', organisationName: 'Elders' } }],
    ]
    for (const [path, extra] of cases) {
      const name = marker('Vooraf gepubliceerd')
      const answer = await tried(
        rest(app.url, 'POST', '/api/algorithms', {
          token,
          body: { name, organization: world.orgs.A.id, ...extra },
        }),
      )
      expect(answer.status).toBe(400)
      expect(fieldErrors(answer.body).map((error) => error.path)).toEqual([path])
      const { totalDocs } = await app.payload.count({
        collection: 'algorithms',
        where: { name: { equals: name } },
        overrideAccess: true,
      })
      expect(totalDocs).toBe(0)
    }
  })
})

describe('raising one’s own privileges', () => {
  attack('nobody makes themselves platform admin through a self-update', async () => {
    for (const actor of ['editor', 'orgAdmin', 'auditor'] as const) {
      const id = world.callers[actor].user?.id as number
      for (const channel of ['REST', 'GraphQL', 'Local'] as const) {
        const api = apiFor(world, channel, world.callers[actor])
        const answer = await tried(api.update('users', id, { isPlatformAdmin: true }))
        expect(answer.ok).toBe(false)
        expect(answer.status).toBe(400)
        expect(answer.fieldPaths).toEqual(['isPlatformAdmin'])
      }
      expect((await stored(world, 'users', id))?.isPlatformAdmin).toBe(false)
    }
    // Nor by creating a new account that is.
    const email = `${marker('platform')}@noorderhaaks.example`
    const created = await tried(
      rest(app.url, 'POST', '/api/users', {
        token: tokenOf('orgAdmin'),
        body: {
          email,
          password: TEST_PASSWORD,
          name: 'Stiekeme Beheerder',
          isPlatformAdmin: true,
          memberships: [{ organisation: world.orgs.A.id, role: 'redacteur' }],
        },
      }),
    )
    expect(created.status).toBe(400)
    expect(fieldErrors(created.body).map((error) => error.path)).toEqual(['isPlatformAdmin'])
  })

  attack('nobody gives themselves a role, not even an organisation admin', async () => {
    for (const actor of ['editor', 'auditor', 'orgAdmin'] as const) {
      const user = world.callers[actor].user as User
      const current = (user.memberships ?? []).map((m) => ({
        organisation: world.orgs.A.id,
        role: m.role,
      }))
      const role = actor === 'orgAdmin' ? 'goedkeurder' : 'beheerder'
      for (const channel of ['REST', 'GraphQL', 'Local'] as const) {
        const api = apiFor(world, channel, world.callers[actor])
        const answer = await tried(
          api.update('users', user.id, {
            memberships: [...current, { organisation: world.orgs.A.id, role }],
          }),
        )
        expect(answer.status).toBe(400)
        expect(answer.fieldPaths).toEqual(['memberships'])
      }
      const after = await stored(world, 'users', user.id)
      expect((after?.memberships as unknown[]).length).toBe(current.length)
    }
  })

  attack('an organisation admin gives no roles in another organisation', async () => {
    const member = world.members.A
    const answer = await tried(
      rest(app.url, 'PATCH', `/api/users/${member.id}`, {
        token: tokenOf('orgAdmin'),
        body: {
          memberships: [
            { organisation: world.orgs.A.id, role: 'redacteur' },
            { organisation: world.orgs.B.id, role: 'beheerder' },
          ],
        },
      }),
    )
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body).map((error) => error.path)).toEqual(['memberships'])
    const email = `${marker('elders')}@noorderhaaks.example`
    const created = await tried(
      graphql(
        app.url,
        `
          mutation ($data: mutationUserInput!) {
            createUser(data: $data) {
              id
            }
          }
        `,
        {
          data: {
            email,
            password: TEST_PASSWORD,
            name: 'Rol Elders',
            memberships: [{ organisation: world.orgs.B.id, role: 'beheerder' }],
          },
        },
        { token: tokenOf('orgAdmin') },
      ),
    )
    expect(graphqlFieldErrors(created.body.errors).map((error) => error.path)).toEqual([
      'memberships',
    ])
    const stillThere = await stored(world, 'users', member.id)
    expect(stillThere?.memberships).toHaveLength(1)
  })

  attack(
    'an organisation admin cannot take over an account that also works elsewhere',
    async () => {
      // Someone who edits in A and is organisation admin of B: their credentials open B too.
      const victim = await createUser(app.payload, {
        name: 'Dubbele Rol',
        memberships: [
          { organisation: world.orgs.A.id, role: 'redacteur' },
          { organisation: world.orgs.B.id, role: 'beheerder' },
        ],
      })
      const token = tokenOf('orgAdmin')
      const newPassword = 'Overgenomen-wachtwoord-9'
      const password = await tried(
        rest(app.url, 'PATCH', `/api/users/${victim.id}`, {
          token,
          body: { password: newPassword },
        }),
      )
      expect(password.status).toBe(403)
      const email = await tried(
        rest(app.url, 'PATCH', `/api/users/${victim.id}`, {
          token,
          body: { email: `${marker('overname')}@noorderhaaks.example` },
        }),
      )
      expect(email.status).toBe(403)
      const viaGraphql = await tried(
        graphql(
          app.url,
          `mutation($id: Int!) { updateUser(id: $id, data: { password: "${newPassword}" }) { id } }`,
          { id: victim.id },
          { token },
        ),
      )
      expect(statusOfGraphql(viaGraphql.body)).toBe(403)
      const viaLocal = await tried(
        thrownBy(() =>
          app.payload.update({
            collection: 'users',
            id: victim.id,
            data: { password: newPassword },
            user: userOf('orgAdmin'),
            overrideAccess: false,
          }),
        ),
      )
      expect((viaLocal as { status?: number }).status).toBe(403)
      expect((await stored(world, 'users', victim.id))?.email).toBe(victim.email)
      await expect(login(app.url, victim.email, newPassword)).rejects.toThrow(/login failed/)
      expect(typeof (await login(app.url, victim.email))).toBe('string')
      // The organisation admin still manages the person's name and roles in A (the admin form
      // re-sends the unchanged e-mail address).
      const rename = await rest(app.url, 'PATCH', `/api/users/${victim.id}`, {
        token,
        body: { name: 'Dubbele Rol (A)', email: victim.email },
      })
      expect(rename.status).toBe(200)
    },
  )

  attack('an organisation admin cannot touch a platform admin who is a member', async () => {
    const platformMember = await createUser(app.payload, {
      name: 'Platformbeheerder in A',
      isPlatformAdmin: true,
      memberships: [{ organisation: world.orgs.A.id, role: 'auditor' }],
    })
    const rename = await tried(
      rest(app.url, 'PATCH', `/api/users/${platformMember.id}`, {
        token: tokenOf('orgAdmin'),
        body: { name: 'Gedegradeerd', memberships: [] },
      }),
    )
    expect(rename.status).toBe(403)
    const unlock = await tried(
      rest(app.url, 'POST', '/api/users/unlock', {
        token: tokenOf('orgAdmin'),
        body: { email: platformMember.email },
      }),
    )
    expect(unlock.status).not.toBe(200)
    const after = await stored(world, 'users', platformMember.id)
    expect(after?.name).toBe('Platformbeheerder in A')
    expect(after?.memberships).toHaveLength(1)
  })
})

describe('inferring hidden values', () => {
  const internalFields = Object.keys({
    internal_notes: 1,
    internal_owner: 1,
    internal_contact: 1,
    publication_category_rationale: 1,
  })

  attack('filtering on an internal field of another organisation finds nothing', async () => {
    const token = tokenOf('outsider')
    for (const field of internalFields) {
      const secret = world.secrets.A[field]
      // The unique part of A's text: Payload's `like` matches every word separately.
      const like = { [field]: { like: uniquePart(secret) } }
      for (const where of [like, { or: [like, { id: { equals: world.concepts.A.id } }] }]) {
        const list = await tried(
          rest<{ docs: unknown[] }>(
            app.url,
            'GET',
            `/api/algorithms?${queryString('where', where)}`,
            { token },
          ),
        )
        expect(list.status).toBe(200)
        expect(list.body.docs).toEqual([])
        const count = await tried(
          rest<{ totalDocs: number }>(
            app.url,
            'GET',
            `/api/algorithms/count?${queryString('where', where)}`,
            { token },
          ),
        )
        expect(count.body.totalDocs).toBe(0)
      }
      const viaGraphql = await tried(
        graphql<{ Algorithms: { docs: unknown[] } }>(
          app.url,
          `
            query ($where: Algorithm_where) {
              Algorithms(where: $where) {
                docs {
                  id
                }
              }
              countAlgorithms(where: $where) {
                totalDocs
              }
            }
          `,
          { where: like },
          { token },
        ),
      )
      expect(viaGraphql.body.data?.Algorithms.docs).toEqual([])
      // Anonymous callers cannot even ask.
      const anonymous = await tried(
        rest(app.url, 'GET', `/api/algorithms?${queryString('where', like)}`),
      )
      expect(anonymous.status).toBe(403)
      // The members of A find their own text, so the filter itself works.
      const own = await rest<{ docs: Array<{ id: number }> }>(
        app.url,
        'GET',
        `/api/algorithms?${queryString('where', { and: [like, { id: { equals: world.concepts.A.id } }] })}`,
        { token: tokenOf('auditor') },
      )
      expect(own.body.docs.map((entry) => entry.id)).toEqual([world.concepts.A.id])
    }
  })

  attack('sorting on an internal field shows no other organisation’s rows', async () => {
    for (const field of internalFields) {
      const sorted = await tried(
        rest<{ docs: Array<{ organization: number }> }>(
          app.url,
          'GET',
          `/api/algorithms?depth=0&limit=500&sort=${field}`,
          { token: tokenOf('outsider') },
        ),
      )
      expect(sorted.status).toBe(200)
      expect(sorted.body.docs.length).toBeGreaterThan(0)
      expect(new Set(sorted.body.docs.map((entry) => entry.organization))).toEqual(
        new Set([world.orgs.B.id]),
      )
      expect(leaksNothingOfA(sorted.body)).toBe(true)
      const anonymous = await tried(rest(app.url, 'GET', `/api/algorithms?sort=${field}`))
      expect(anonymous.status).toBe(403)
    }
  })

  attack('filters through relationships do not reach another organisation', async () => {
    const token = tokenOf('outsider')
    const paths = [
      `/api/revisions?${queryString('where', { 'algorithm.internal_notes': { like: uniquePart(world.secrets.A.internal_notes) } })}`,
      `/api/algorithms?${queryString('where', { 'organization.code': { equals: world.orgs.A.code } })}`,
      `/api/users?${queryString('where', { 'memberships.organisation': { equals: world.orgs.A.id } })}`,
      `/api/audit-events?${queryString('where', { organisationId: { equals: world.orgs.A.id } })}`,
    ]
    for (const path of paths) {
      const answer = await tried(rest<{ docs: unknown[] }>(app.url, 'GET', path, { token }))
      expect(answer.status).toBe(200)
      expect(answer.body.docs).toEqual([])
    }
  })

  attack('GraphQL does not expose hidden fields', async () => {
    const token = tokenOf('platformAdmin')
    // Payload's schema may list these fields, but they never carry a value.
    for (const field of ['hash', 'salt', 'resetPasswordToken', 'loginAttempts', 'lockUntil']) {
      const answer = await tried(
        graphql<{ Users: { docs: Array<Record<string, unknown>> } }>(
          app.url,
          `{ Users(limit: 500) { docs { id ${field} } } }`,
          {},
          { token },
        ),
      )
      const docs = answer.body.data?.Users.docs ?? []
      const refusedField = /Cannot query field/.test(answer.body.errors?.[0]?.message ?? '')
      expect(refusedField || docs.length > 0).toBe(true)
      expect(docs.filter((entry) => entry[field] !== null && entry[field] !== undefined)).toEqual(
        [],
      )
    }
    // Internal fields of another organisation: neither the document nor the field comes back.
    const internal = await tried(
      graphql<{ Algorithms: { docs: Array<Record<string, unknown>> } }>(
        app.url,
        `{ Algorithms(limit: 500) { docs { id organization { id } ${internalFields.join(' ')} } } }`,
        {},
        { token: tokenOf('outsider') },
      ),
    )
    const docs = internal.body.data?.Algorithms.docs ?? []
    expect(docs.length).toBeGreaterThan(0)
    expect(leaksNothingOfA(internal.body)).toBe(true)
    const nested = await tried(
      graphql(
        app.url,
        `
          query ($id: Int!) {
            Revision(id: $id) {
              id
              algorithm {
                id
                internal_notes
              }
              snapshot
            }
          }
        `,
        { id: world.revisions.A.id },
        { token: tokenOf('outsider') },
      ),
    )
    expect(leaksNothingOfA(nested.body)).toBe(true)
    // Filtering on a password hash or a reset token is refused outright.
    for (const field of ['hash', 'salt']) {
      const answer = await tried(
        rest(app.url, 'GET', `/api/users?${queryString('where', { [field]: { exists: true } })}`, {
          token,
        }),
      )
      expect(answer.status).toBe(400)
    }
  })

  attack('published revisions and the history of a password change hold no secrets', async () => {
    const revision = await tried(
      rest<{ snapshot: unknown }>(app.url, 'GET', `/api/revisions/${world.revisions.A.id}`, {
        token: tokenOf('auditor'),
      }),
    )
    expect(revision.status).toBe(200)
    expect(leaksNothingOfA(revision.body.snapshot)).toBe(true)
    const person = await createUser(app.payload, {
      memberships: [{ organisation: world.orgs.A.id, role: 'redacteur' }],
    })
    const token = await login(app.url, person.email)
    const changed = await rest(app.url, 'PATCH', `/api/users/${person.id}`, {
      token,
      body: { password: 'Een-nieuw-wachtwoord-7' },
    })
    expect(changed.status).toBe(200)
    const history = await tried(
      rest<{ docs: Array<Record<string, unknown>> }>(
        app.url,
        'GET',
        `/api/audit-events?${queryString('where', { targetCollection: { equals: 'users' }, targetId: { equals: String(person.id) } })}&limit=100`,
        { token: tokenOf('orgAdmin') },
      ),
    )
    expect(history.body.docs.length).toBeGreaterThan(0)
    const changedFields = history.body.docs.flatMap((event) =>
      Array.isArray(event.changes)
        ? (event.changes as Array<{ field?: string }>).map((change) => change.field)
        : [],
    )
    expect(changedFields).toContain('email')
    for (const secret of ['hash', 'salt', 'password', 'resetPasswordToken', 'sessions']) {
      expect(changedFields).not.toContain(secret)
    }
    expect(JSON.stringify(history.body.docs)).not.toContain('Een-nieuw-wachtwoord-7')
  })
})

describe('anonymous callers and guessing passwords', () => {
  attack('anonymous callers get nothing from REST or GraphQL', async () => {
    for (const slug of ['algorithms', 'users', 'revisions', 'audit-events', 'organisations']) {
      for (const path of [`/api/${slug}`, `/api/${slug}/count`, `/api/${slug}/1`]) {
        const answer = await tried(rest(app.url, 'GET', path))
        expect(answer.status).toBe(403)
      }
    }
    const viaGraphql = await tried(
      graphql(
        app.url,
        `
          {
            Algorithms {
              docs {
                id
              }
            }
            Users {
              docs {
                id
              }
            }
            Revisions {
              docs {
                id
              }
            }
            AuditEvents {
              docs {
                id
              }
            }
            countAlgorithms {
              totalDocs
            }
          }
        `,
      ),
    )
    expect(viaGraphql.body.data).toEqual({
      Algorithms: null,
      Users: null,
      Revisions: null,
      AuditEvents: null,
      countAlgorithms: null,
    })
    expect(viaGraphql.body.errors?.map((error) => error.extensions?.statusCode)).toEqual([
      403, 403, 403, 403, 403,
    ])
    const me = await tried(rest<{ user: unknown }>(app.url, 'GET', '/api/users/me'))
    expect(me.body.user).toBeNull()
  })

  attack(
    'deleting a description that was ever published is refused, even for platform admins',
    async () => {
      const id = world.published.A.id
      for (const actor of ['orgAdmin', 'platformAdmin'] as const) {
        for (const channel of ['REST', 'GraphQL', 'Local'] as const) {
          const answer = await tried(
            apiFor(world, channel, world.callers[actor]).remove('algorithms', id),
          )
          expect(answer.ok).toBe(false)
          expect(answer.status).toBe(409)
        }
      }
      expect(await stored(world, 'algorithms', id)).not.toBeNull()
    },
  )

  attack('guessing a password hits the lockout, through REST and GraphQL alike', async () => {
    const victim = await createUser(app.payload, {
      memberships: [{ organisation: world.orgs.A.id, role: 'redacteur' }],
    })
    const LOGIN = `mutation($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }`
    for (let attempt = 0; attempt < LOGIN_LOCKOUT.maxLoginAttempts; attempt += 1) {
      const guess = `Gok-${attempt}`
      if (attempt % 2 === 0) {
        const answer = await tried(
          rest(app.url, 'POST', '/api/users/login', {
            body: { email: victim.email, password: guess },
          }),
        )
        expect(answer.status).toBe(401)
      } else {
        const answer = await tried(
          graphql<{ loginUser: unknown }>(app.url, LOGIN, { email: victim.email, password: guess }),
        )
        expect(answer.body.data?.loginUser ?? null).toBeNull()
        expect(statusOfGraphql(answer.body)).toBe(401)
      }
    }
    const rightPassword = await tried(
      rest<{ token?: string }>(app.url, 'POST', '/api/users/login', {
        body: { email: victim.email, password: TEST_PASSWORD },
      }),
    )
    expect(rightPassword.status).toBe(401)
    expect(rightPassword.body.token).toBeUndefined()
    const viaGraphql = await tried(
      graphql<{ loginUser: unknown }>(app.url, LOGIN, {
        email: victim.email,
        password: TEST_PASSWORD,
      }),
    )
    expect(viaGraphql.body.data?.loginUser ?? null).toBeNull()
    // Another ordinary user cannot lift the lock for the attacker.
    await tried(
      rest(app.url, 'POST', '/api/users/unlock', {
        token: tokenOf('editor'),
        body: { email: victim.email },
      }),
    )
    const locked = await app.payload.find({
      collection: 'users',
      where: { id: { equals: victim.id } },
      showHiddenFields: true,
      overrideAccess: true,
      depth: 0,
    })
    expect((locked.docs[0] as { lockUntil?: string | null }).lockUntil).toBeTruthy()
  })
})

describe('the attacks as a whole', () => {
  it('fended off every attack', () => {
    console.log(
      `Access attacks: ${passed} of ${defined} fended off (${attempts} crafted requests).`,
    )
    expect(passed).toBe(defined)
  })
})
