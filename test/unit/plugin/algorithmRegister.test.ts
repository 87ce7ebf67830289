import { describe, expect, it } from '@jest/globals'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { de } from '@payloadcms/translations/languages/de'
import {
  buildConfig,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type Config,
  type Payload,
  type TaskConfig,
} from 'payload'

import { Users } from '../../../collections/Users'
import { isPlatformAdmin } from '../../../access/isPlatformAdmin'
import { makeFirstUserPlatformAdmin } from '../../../hooks/makeFirstUserPlatformAdmin'
import { recordLoginFailure } from '../../../hooks/recordLoginFailure'
import { algorithmRegister } from '../../../src/plugin'
import { DEFAULT_SIGN_IN } from '../../../src/auth/signInOptions'
import { userSignInFields } from '../../../src/auth/signInFields'
import { recordSignInFailure } from '../../../src/auth/totp/recordSignInFailure'

/** The sign-in fields the register adds to every users collection (src/auth/signInFields.ts). */
const SIGN_IN_FIELDS = userSignInFields.flatMap((f) => ('name' in f ? [f.name] : []))

const REGISTER_SLUGS = [
  'organisations',
  'users',
  'algorithms',
  'revisions',
  'audit-events',
  'national-register-connections',
  'national-deliveries',
]

/** A host config as an application would write it; the database is never connected. */
function hostConfig(overrides: Partial<Config> = {}): Config {
  return {
    secret: 'unit-test-secret',
    db: postgresAdapter({ pool: { connectionString: 'postgres://127.0.0.1:1/none' } }),
    collections: [],
    ...overrides,
  }
}

function apply(options: Parameters<typeof algorithmRegister>[0], host: Config): Config {
  const result = algorithmRegister(options)(host)
  if (result instanceof Promise) throw new Error('the plugin is expected to be synchronous')
  return result
}

function collection(config: Config, slug: string): CollectionConfig {
  const found = (config.collections ?? []).find((c) => c.slug === slug)
  if (!found) throw new Error(`no collection ${slug}`)
  return found
}

/** A request as access rules see it: the user, and Payload with the built config. */
function reqOf(config: Config, user: unknown): never {
  return { user, payload: { config } } as never
}

function fieldNames(config: CollectionConfig): Array<string | undefined> {
  return config.fields.map((field) => ('name' in field ? field.name : undefined))
}

/** Fields that have a database column (ui fields only show something in the admin). */
function storedFieldNames(config: CollectionConfig): Array<string | undefined> {
  return fieldNames({ ...config, fields: config.fields.filter((field) => field.type !== 'ui') })
}

const hostHook: CollectionBeforeChangeHook = ({ data }) => data

const pages: CollectionConfig = {
  slug: 'pages',
  fields: [{ name: 'title', type: 'text' }],
}

describe('algorithmRegister()', () => {
  it('checks its options when it is called, before any config is built', () => {
    expect(() => algorithmRegister({ reviewIntervalMonths: 0 })).toThrow(
      new Error(
        `algorithmRegister: 'reviewIntervalMonths' must be a whole number from 1 to 60, got 0.`,
      ),
    )
  })

  it('adds its collections after the host collections, and keeps the host ones', () => {
    const config = apply(undefined, hostConfig({ collections: [pages] }))
    expect((config.collections ?? []).map((c) => c.slug)).toEqual(['pages', ...REGISTER_SLUGS])
    expect(collection(config, 'pages')).toBe(pages)
  })

  it('makes users the admin user collection unless the host chose another', () => {
    expect(apply(undefined, hostConfig()).admin?.user).toBe('users')
    expect(apply(undefined, hostConfig({ admin: { user: 'pages' } })).admin?.user).toBe('pages')
  })

  it('leaves languages and fallback to the host', () => {
    const german = apply(undefined, hostConfig({ i18n: { supportedLanguages: { de } } }))
    expect(Object.keys(german.i18n?.supportedLanguages ?? {})).toEqual(['de'])
    expect(german.i18n?.fallbackLanguage).toBeUndefined()
    const plain = apply(undefined, hostConfig()).i18n
    expect(plain?.supportedLanguages).toBeUndefined()
    expect(plain?.fallbackLanguage).toBeUndefined()
  })

  it("merges its Dutch wording into the host's translations; the host's own keys win", () => {
    const config = apply(
      undefined,
      hostConfig({
        i18n: {
          fallbackLanguage: 'nl',
          translations: {
            nl: { general: { payloadSettings: 'Voorkeuren' } },
            de: { general: { cancel: 'Abbrechen!' } },
          },
        },
      }),
    )
    const translations = config.i18n?.translations as Record<
      string,
      Record<string, Record<string, string>>
    >
    expect(config.i18n?.fallbackLanguage).toBe('nl')
    expect(translations.nl.general.payloadSettings).toBe('Voorkeuren')
    expect(translations.nl.general.createNewLabel).toBe('{{label}} toevoegen')
    expect(translations.nl.fields.addLabel).toBe('{{label}} toevoegen')
    expect(translations.de.general.cancel).toBe('Abbrechen!')
  })

  it('stores the resolved options on config.custom and keeps the host custom values', () => {
    const config = apply(
      { reviewIntervalMonths: 6, serverUrl: 'https://register.example.nl' },
      hostConfig({ custom: { theme: 'dark' } }),
    )
    expect(config.custom).toEqual({
      theme: 'dark',
      algorithmRegister: {
        enabled: true,
        reviewIntervalMonths: 6,
        fourEyesByDefault: true,
        serverUrl: 'https://register.example.nl',
        sender: { name: 'Algoritmeregister', address: 'noreply@algoritmeregister.local' },
        firstUserIsPlatformAdmin: false,
        usersSlug: 'users',
        publicPages: false,
      },
      algorithmRegisterSignIn: DEFAULT_SIGN_IN,
    })
  })

  it('adds its job tasks next to the host tasks', () => {
    // The slug type only knows the register's own tasks; a host brings its own.
    const hostTask = { slug: 'hostTask', handler: () => ({ output: {} }) } as unknown as TaskConfig
    const config = apply(undefined, hostConfig({ jobs: { tasks: [hostTask] } }))
    expect((config.jobs?.tasks ?? []).map((t) => t.slug)).toEqual([
      'hostTask',
      'sendNotification',
      'reviewReminders',
      'deliverToNationalRegister',
      'checkNationalDrift',
    ])
  })

  it.each(['organisations', 'algorithms', 'revisions', 'audit-events'])(
    'refuses a host config that already has a collection %s',
    (slug) => {
      const host = hostConfig({ collections: [{ slug, fields: [] }] })
      expect(() => apply(undefined, host)).toThrow(
        new Error(
          `algorithmRegister: the config already has a collection '${slug}', which the register needs for itself.`,
        ),
      )
    },
  )
})

describe('algorithmRegister() with a host users collection', () => {
  /** The host's own rule: its admins (a role of the host's own) manage users. */
  const hostAdminOnly = ({ req }: { req: { user?: unknown } }) =>
    (req.user as { role?: string } | undefined)?.role === 'admin'
  const hostUsers: CollectionConfig = {
    slug: 'users',
    auth: true,
    access: { read: hostAdminOnly, update: hostAdminOnly, admin: hostAdminOnly },
    fields: [
      { name: 'department', type: 'text' },
      { name: 'role', type: 'select', options: ['admin', 'staff'] },
    ],
    hooks: { beforeChange: [hostHook] },
  }
  const hostAdmin = { id: 1, collection: 'users', role: 'admin' }
  const hostStaff = { id: 2, collection: 'users', role: 'staff' }
  const registerBeheerder = {
    id: 3,
    collection: 'users',
    role: 'staff',
    memberships: [{ organisation: 7, role: 'beheerder' }],
  }

  async function allowed(config: Config, operation: 'read' | 'update', user: unknown) {
    const rule = collection(config, 'users').access?.[operation]
    if (!rule) throw new Error(`no ${operation} rule`)
    return rule({ req: reqOf(config, user), data: {} } as never)
  }

  it('adds memberships, the platform-admin flag and an optional name, and keeps the host fields and hooks', () => {
    const config = apply(undefined, hostConfig({ collections: [hostUsers, pages] }))
    expect((config.collections ?? []).map((c) => c.slug)).toEqual([
      'users',
      'pages',
      'organisations',
      'algorithms',
      'revisions',
      'audit-events',
      'national-register-connections',
      'national-deliveries',
    ])
    const users = collection(config, 'users')
    expect(fieldNames(users)).toEqual([
      'department',
      'role',
      'name',
      'memberships',
      'isPlatformAdmin',
      ...SIGN_IN_FIELDS,
      'secondFactorSettings',
    ])
    const name = users.fields.find((f) => 'name' in f && f.name === 'name')
    // Existing users of a host have no name: a required column would break its migration.
    expect(name && 'required' in name ? name.required : undefined).toBe(false)
    expect(users.hooks?.beforeChange).toEqual([hostHook])
    // The sign-in idle time (signIn.sessionIdleMinutes, default 480) is the token lifetime.
    expect(users.auth).toEqual({ tokenExpiration: 480 * 60 })
  })

  it('keeps a field the host defines itself under the same name', () => {
    const own = { name: 'name', type: 'text', label: 'Full name (host)' } as const
    const config = apply(undefined, hostConfig({ collections: [{ ...hostUsers, fields: [own] }] }))
    const users = collection(config, 'users')
    expect(fieldNames(users)).toEqual([
      'name',
      'memberships',
      'isPlatformAdmin',
      ...SIGN_IN_FIELDS,
      'secondFactorSettings',
    ])
    expect(users.fields[0]).toBe(own)
  })

  it("keeps the host's access: the host's admin may still read and edit every user", async () => {
    const config = apply(undefined, hostConfig({ collections: [hostUsers] }))
    const users = collection(config, 'users')
    expect(await allowed(config, 'read', hostAdmin)).toBe(true)
    expect(await allowed(config, 'update', hostAdmin)).toBe(true)
    const admin = users.access?.admin
    expect(admin && (await admin({ req: reqOf(config, hostAdmin) }))).toBe(true)
  })

  it("adds the register's rights: an organisation admin reads the members of their organisation", async () => {
    const config = apply(undefined, hostConfig({ collections: [hostUsers] }))
    const users = collection(config, 'users')
    expect(await allowed(config, 'read', registerBeheerder)).toEqual({
      or: [{ id: { equals: 3 } }, { 'memberships.organisation': { in: [7] } }],
    })
    // The host alone would not let this user into the admin; the register's role does.
    const admin = users.access?.admin
    expect(admin && (await admin({ req: reqOf(config, registerBeheerder) }))).toBe(true)
  })

  it('denies what neither the host nor the register allows', async () => {
    const config = apply(undefined, hostConfig({ collections: [hostUsers] }))
    const users = collection(config, 'users')
    expect(await allowed(config, 'read', undefined)).toBe(false)
    // Staff without a role in the register: only their own account, as the register says.
    expect(await allowed(config, 'read', hostStaff)).toEqual({ id: { equals: 2 } })
    const admin = users.access?.admin
    expect(admin && (await admin({ req: reqOf(config, hostStaff) }))).toBe(false)
  })

  it('does not make the first user of a host platform admin', () => {
    const config = apply(undefined, hostConfig({ collections: [hostUsers] }))
    const users = collection(config, 'users')
    expect(users.hooks?.beforeChange).not.toContain(makeFirstUserPlatformAdmin)
  })

  it('lets the host name its platform admins with isPlatformAdmin(user), per config', () => {
    const named = apply(
      { isPlatformAdmin: (user) => (user as { role?: string }).role === 'admin' },
      hostConfig(),
    )
    // Built after the first one: each config keeps its own rule.
    const plain = apply(undefined, hostConfig())
    const payloadOf = (config: Config) => ({ config }) as unknown as Payload
    expect(isPlatformAdmin(hostAdmin, payloadOf(named))).toBe(true)
    expect(isPlatformAdmin(hostStaff, payloadOf(named))).toBe(false)
    expect(isPlatformAdmin(undefined, payloadOf(named))).toBe(false)
    // Without the option only the register's own flag counts.
    expect(isPlatformAdmin(hostAdmin, payloadOf(plain))).toBe(false)
    expect(isPlatformAdmin({ ...hostStaff, isPlatformAdmin: true }, payloadOf(plain))).toBe(true)
    // A user of another auth collection is never a platform admin, whatever its fields say.
    const customer = { id: 9, collection: 'customers', isPlatformAdmin: true, role: 'admin' }
    expect(isPlatformAdmin(customer, payloadOf(named))).toBe(false)
  })

  it('gives a config that Payload accepts', async () => {
    const config = await buildConfig({
      ...hostConfig({ collections: [hostUsers, pages] }),
      plugins: [algorithmRegister()],
    })
    const users = config.collections.find((c) => c.slug === 'users')
    const names = (users?.fields ?? []).map((field) => ('name' in field ? field.name : undefined))
    expect(names).toEqual(
      expect.arrayContaining(['department', 'name', 'memberships', 'isPlatformAdmin', 'email']),
    )
    expect(config.collections.map((c) => c.slug)).toEqual(
      expect.arrayContaining(['pages', ...REGISTER_SLUGS]),
    )
  })
})

describe('algorithmRegister() without a host users collection (a stand-alone register)', () => {
  it('brings its own users, with the first-user rule only when asked for', () => {
    const plain = collection(apply(undefined, hostConfig()), 'users')
    expect(plain.hooks?.beforeChange ?? []).not.toContain(makeFirstUserPlatformAdmin)
    const standAlone = collection(apply({ firstUserIsPlatformAdmin: true }, hostConfig()), 'users')
    expect(standAlone.hooks?.beforeChange).toContain(makeFirstUserPlatformAdmin)
    expect(plain.access).toBe(Users.access)
  })
})

describe('jobs access', () => {
  const platformAdmin = { id: 1, collection: 'users', isPlatformAdmin: true }
  const editor = {
    id: 2,
    collection: 'users',
    memberships: [{ organisation: 1, role: 'redacteur' }],
  }
  const runner = { id: 3, collection: 'users', role: 'runner' }

  it('lets platform admins run jobs, and whoever the host allows, but not other users', async () => {
    const hostRun = ({ req }: { req: { user?: unknown } }) =>
      (req.user as { role?: string } | undefined)?.role === 'runner'
    const config = apply(undefined, hostConfig({ jobs: { tasks: [], access: { run: hostRun } } }))
    const run = config.jobs?.access?.run
    if (!run) throw new Error('no run rule')
    expect(await run({ req: reqOf(config, platformAdmin) })).toBe(true)
    expect(await run({ req: reqOf(config, runner) })).toBe(true)
    expect(await run({ req: reqOf(config, editor) })).toBe(false)
    // No host rule for queue: platform admins only.
    const queue = config.jobs?.access?.queue
    expect(queue && (await queue({ req: reqOf(config, runner) }))).toBe(false)
  })
})

describe('algorithmRegister({ enabled: false })', () => {
  const enabled = apply(undefined, hostConfig())
  const disabled = apply({ enabled: false }, hostConfig())

  it('keeps every collection and every field, so the database schema stays the same', () => {
    expect((disabled.collections ?? []).map((c) => c.slug)).toEqual(REGISTER_SLUGS)
    for (const slug of REGISTER_SLUGS) {
      expect(storedFieldNames(collection(disabled, slug))).toEqual(
        storedFieldNames(collection(enabled, slug)),
      )
    }
    // The task slugs are a database enum, so the tasks stay too.
    expect((disabled.jobs?.tasks ?? []).map((t) => t.slug)).toEqual([
      'sendNotification',
      'reviewReminders',
      'deliverToNationalRegister',
      'checkNationalDrift',
    ])
  })

  it('drops the collection hooks and endpoints', () => {
    for (const slug of REGISTER_SLUGS) {
      expect(collection(disabled, slug).hooks).toEqual({})
      expect(collection(disabled, slug).endpoints).toEqual([])
    }
    // The enabled register does have them, so the comparison above means something.
    expect(collection(enabled, 'users').hooks?.afterChange?.length).toBeGreaterThan(0)
    expect((collection(enabled, 'algorithms').endpoints || []).length).toBeGreaterThan(0)
    expect((collection(enabled, 'audit-events').endpoints || []).length).toBeGreaterThan(0)
  })

  it("leaves the host's hooks, admin, languages and job access as they were", () => {
    const hostRun = () => true
    const host = hostConfig({
      admin: { user: 'users' },
      i18n: { supportedLanguages: { de }, fallbackLanguage: 'de' },
      jobs: { tasks: [], access: { run: hostRun } },
    })
    const result = apply({ enabled: false }, host)
    expect(result.hooks).toBe(host.hooks)
    expect(result.admin).toBe(host.admin)
    expect(result.i18n).toBe(host.i18n)
    expect(result.jobs?.access).toBe(host.jobs?.access)
    expect(result.jobs?.jobsCollectionOverrides).toBeUndefined()
    expect(result.onInit).toBeUndefined()
    expect(enabled.hooks?.afterError).toEqual([recordLoginFailure, recordSignInFailure])
    expect(enabled.admin?.components?.beforeDashboard?.length).toBe(1)
  })

  it("keeps the host users' own access and hooks", () => {
    const hostRule = () => true
    const host = hostConfig({
      collections: [{ slug: 'users', auth: true, access: { read: hostRule }, fields: [] }],
    })
    const users = collection(apply({ enabled: false }, host), 'users')
    expect(users.access).toEqual({ read: hostRule })
    expect(users.hooks).toBeUndefined()
    expect(fieldNames(users)).toEqual(['name', 'memberships', 'isPlatformAdmin', ...SIGN_IN_FIELDS])
  })
})

describe("algorithmRegister({ usersSlug: 'accounts' })", () => {
  const accounts: CollectionConfig = {
    slug: 'accounts',
    auth: true,
    fields: [{ name: 'department', type: 'text' }],
  }
  const payloadOf = (config: Config) => ({ config }) as unknown as Payload

  it("extends the host's accounts collection and leaves a collection named users alone", () => {
    const hostUsersNamedUsers: CollectionConfig = { slug: 'users', auth: true, fields: [] }
    const config = apply(
      { usersSlug: 'accounts' },
      hostConfig({ collections: [hostUsersNamedUsers, accounts] }),
    )
    expect(fieldNames(collection(config, 'accounts'))).toEqual([
      'department',
      'name',
      'memberships',
      'isPlatformAdmin',
      ...SIGN_IN_FIELDS,
      'secondFactorSettings',
    ])
    expect(collection(config, 'users')).toBe(hostUsersNamedUsers)
  })

  it('brings its own users collection under that slug when the host has none', () => {
    const config = apply({ usersSlug: 'accounts' }, hostConfig())
    expect((config.collections ?? []).map((c) => c.slug)).toEqual([
      'organisations',
      'accounts',
      'algorithms',
      'revisions',
      'audit-events',
      'national-register-connections',
      'national-deliveries',
    ])
    expect(config.admin?.user).toBe('accounts')
    expect(fieldNames(collection(config, 'accounts'))).toEqual([
      ...fieldNames(Users),
      ...SIGN_IN_FIELDS,
      'secondFactorSettings',
    ])
  })

  it('counts only accounts users as platform admins', () => {
    const config = apply({ usersSlug: 'accounts' }, hostConfig({ collections: [accounts] }))
    const flagged = { id: 1, isPlatformAdmin: true }
    expect(isPlatformAdmin({ ...flagged, collection: 'accounts' }, payloadOf(config))).toBe(true)
    expect(isPlatformAdmin({ ...flagged, collection: 'users' }, payloadOf(config))).toBe(false)
  })

  it('lets an organisation admin of accounts read the members of their organisation', async () => {
    const config = apply({ usersSlug: 'accounts' }, hostConfig())
    const read = collection(config, 'accounts').access?.read
    if (!read) throw new Error('no read rule')
    const beheerder = {
      id: 3,
      collection: 'accounts',
      memberships: [{ organisation: 7, role: 'beheerder' }],
    }
    expect(await read({ req: reqOf(config, beheerder) })).toEqual({
      or: [{ id: { equals: 3 } }, { 'memberships.organisation': { in: [7] } }],
    })
  })

  it('refuses a users slug the register needs for itself', () => {
    expect(() => apply({ usersSlug: 'organisations' }, hostConfig())).toThrow(
      new Error(
        `algorithmRegister: 'usersSlug' cannot be 'organisations', the register needs that collection for itself.`,
      ),
    )
  })

  it('gives a config that Payload accepts', async () => {
    const config = await buildConfig({
      ...hostConfig({ collections: [accounts, pages], admin: { user: 'accounts' } }),
      plugins: [algorithmRegister({ usersSlug: 'accounts' })],
    })
    expect(config.collections.map((c) => c.slug)).toEqual(
      expect.arrayContaining(['accounts', 'pages', 'organisations', 'algorithms']),
    )
    expect(config.collections.some((c) => c.slug === 'users')).toBe(false)
  })
})
