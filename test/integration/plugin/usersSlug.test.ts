import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { postgresAdapter, sql } from '@payloadcms/db-postgres'
import pg from 'pg'
import {
  buildConfig,
  createLocalReq,
  getPayload,
  type CollectionConfig,
  type Payload,
  type PayloadRequest,
} from 'payload'

import type { User } from '../../../payload-types'
import { closePayloadPool } from '../../../src/database/closePayloadPool'
import { ensureDatabase } from '../../../src/database/openDatabase'
import { runSql } from '../../../src/database/runSql'
import { algorithmRegister } from '../../../src/plugin'
import { REGISTER_DATABASE_UP } from '../../../src/schema/registerDatabaseObjects'
import { performTransition } from '../../../src/workflow/transitionService'
import { completeDescription } from '../../support/algorithmFixtures'

/**
 * A host whose people live in `accounts` (and which has no `users` collection at all), with the
 * register added under `usersSlug: 'accounts'`: real Payload on a database of its own, schema
 * pushed as in a host's development mode, then the register's database objects as its migration.
 */
const accounts: CollectionConfig = {
  slug: 'accounts',
  auth: true,
  fields: [{ name: 'department', type: 'text' }],
}
const pages: CollectionConfig = { slug: 'pages', fields: [{ name: 'title', type: 'text' }] }

let payload: Payload
let dropDatabase: () => Promise<void> = async () => undefined
/** An account as `req.user` carries it: the register's user fields, from `accounts`. */
type Account = Omit<User, 'collection'> & { collection: 'accounts' }

async function createAccount(data: Record<string, unknown>): Promise<Account> {
  const account = await payload.create({
    collection: 'accounts' as 'users',
    data: { password: 'Wachtwoord-1234', ...data } as never,
    overrideAccess: true,
    depth: 0,
  })
  return { ...account, collection: 'accounts' } as Account
}

async function requestAs(user: Account): Promise<PayloadRequest> {
  return createLocalReq({ user: user as never }, payload)
}

beforeAll(async () => {
  const adminUrl = process.env.REGISTER_TEST_ADMIN_URL
  if (!adminUrl) throw new Error('REGISTER_TEST_ADMIN_URL is not set (integration globalSetup).')
  const name = `register_accounts_${randomBytes(4).toString('hex')}`
  await ensureDatabase(adminUrl, name)
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)
    } finally {
      await client.end()
    }
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const config = await buildConfig({
    secret: 'accounts-host-secret',
    db: postgresAdapter({ pool: { connectionString: url.toString() }, push: true }),
    admin: { user: 'accounts' },
    collections: [accounts, pages],
    plugins: [algorithmRegister({ usersSlug: 'accounts' })],
  })
  payload = await getPayload({ config, key: 'accounts-host' })
  await runSql({ payload }, sql.raw(REGISTER_DATABASE_UP))
}, 180_000)

afterAll(async () => {
  if (payload) await closePayloadPool(payload, 500)
  await dropDatabase()
})

describe("the register on a host whose users collection is 'accounts'", () => {
  it('has no users collection, and extends accounts with memberships', () => {
    // The generated slug type knows only the bundled application's collections.
    const slugs: string[] = payload.config.collections.map((c) => c.slug)
    expect(slugs).toContain('accounts')
    expect(slugs).not.toContain('users')
    const fields =
      payload.config.collections.find((c) => (c.slug as string) === 'accounts')?.fields ?? []
    expect(fields.map((f) => ('name' in f ? f.name : undefined))).toEqual(
      expect.arrayContaining(['department', 'memberships', 'isPlatformAdmin']),
    )
  })

  it('lets accounts draft, submit and approve an algorithm, and refuses an account without a role', async () => {
    const organisation = await payload.create({
      collection: 'organisations',
      data: { name: 'Gemeente Accounts', code: 'gm9951', type: 'gemeente' },
      overrideAccess: true,
      depth: 0,
    })
    const editor = await createAccount({
      email: 'redacteur@accounts.example',
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    const reviewer = await createAccount({
      email: 'goedkeurder@accounts.example',
      memberships: [{ organisation: organisation.id, role: 'goedkeurder' }],
    })
    const outsider = await createAccount({ email: 'buiten@accounts.example' })

    await expect(
      payload.create({
        collection: 'algorithms',
        data: completeDescription(organisation.id) as never,
        overrideAccess: false,
        user: outsider,
        depth: 0,
      }),
    ).rejects.toThrow()

    const algorithm = await payload.create({
      collection: 'algorithms',
      data: completeDescription(organisation.id) as never,
      overrideAccess: false,
      user: editor,
      depth: 0,
    })
    const submitted = await performTransition(await requestAs(editor), {
      algorithmId: algorithm.id,
      action: 'submit',
      expectedState: 'concept',
    })
    expect(submitted.to).toBe('ter_beoordeling')
    const approved = await performTransition(await requestAs(reviewer), {
      algorithmId: algorithm.id,
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    expect(approved.to).toBe('gepubliceerd')
    const published = await runSql<{ count: string }>(
      { payload },
      sql`SELECT count(*) AS count FROM public_algorithms WHERE algorithm_id = ${algorithm.id}`,
    )
    expect(Number(published[0]?.count)).toBe(1)

    // The history names the accounts collection as the target of account events.
    const events = await payload.find({
      collection: 'audit-events',
      where: { targetId: { equals: editor.id }, targetCollection: { equals: 'accounts' } },
      overrideAccess: true,
      depth: 0,
    })
    expect(events.totalDocs).toBeGreaterThan(0)
  })

  it('makes a flagged account platform admin, and not an account without the flag', async () => {
    await payload.create({
      collection: 'organisations',
      data: { name: 'Gemeente Beheer', code: 'gm9952', type: 'gemeente' },
      overrideAccess: true,
      depth: 0,
    })
    const admin = await createAccount({ email: 'beheer@accounts.example', isPlatformAdmin: true })
    const plain = await createAccount({ email: 'gewoon@accounts.example' })
    const asAdmin = await payload.find({
      collection: 'organisations',
      overrideAccess: false,
      user: admin,
      depth: 0,
    })
    expect(asAdmin.totalDocs).toBeGreaterThan(0)
    await expect(
      payload.find({ collection: 'organisations', overrideAccess: false, user: plain, depth: 0 }),
    ).rejects.toThrow('You are not allowed to perform this action.')
  })
})
