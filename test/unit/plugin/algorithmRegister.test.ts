import { describe, expect, it } from '@jest/globals'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { de } from '@payloadcms/translations/languages/de'
import {
  buildConfig,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type Config,
  type TaskConfig,
} from 'payload'

import { Users } from '../../../collections/Users'
import { makeFirstUserPlatformAdmin } from '../../../hooks/makeFirstUserPlatformAdmin'
import { recordLoginFailure } from '../../../hooks/recordLoginFailure'
import { algorithmRegister } from '../../../src/plugin'

const REGISTER_SLUGS = ['organisations', 'users', 'algorithms', 'revisions', 'audit-events']

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

function fieldNames(config: CollectionConfig): Array<string | undefined> {
  return config.fields.map((field) => ('name' in field ? field.name : undefined))
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

  it('adds its five collections after the host collections, and keeps the host ones', () => {
    const config = apply(undefined, hostConfig({ collections: [pages] }))
    expect((config.collections ?? []).map((c) => c.slug)).toEqual(['pages', ...REGISTER_SLUGS])
    expect(collection(config, 'pages')).toBe(pages)
  })

  it('makes users the admin user collection unless the host chose another', () => {
    expect(apply(undefined, hostConfig()).admin?.user).toBe('users')
    expect(apply(undefined, hostConfig({ admin: { user: 'pages' } })).admin?.user).toBe('pages')
  })

  it('keeps the host languages, always adds Dutch and English, and falls back to the option', () => {
    const dutch = apply(undefined, hostConfig({ i18n: { supportedLanguages: { de } } }))
    expect(Object.keys(dutch.i18n?.supportedLanguages ?? {}).sort()).toEqual(['de', 'en', 'nl'])
    expect(dutch.i18n?.fallbackLanguage).toBe('nl')
    const english = apply({ defaultLanguage: 'en' }, hostConfig())
    expect(english.i18n?.fallbackLanguage).toBe('en')
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
        defaultLanguage: 'nl',
        serverUrl: 'https://register.example.nl',
        sender: { name: 'Algoritmeregister', address: 'noreply@algoritmeregister.local' },
      },
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
  const hostUsers: CollectionConfig = {
    slug: 'users',
    auth: true,
    fields: [
      { name: 'department', type: 'text' },
      { name: 'name', type: 'text', label: 'Full name (host)' },
    ],
    hooks: { beforeChange: [hostHook] },
  }

  it('merges the register fields into it and keeps the host fields and hooks', () => {
    const config = apply(undefined, hostConfig({ collections: [hostUsers, pages] }))
    const slugs = (config.collections ?? []).map((c) => c.slug)
    expect(slugs.filter((s) => s === 'users')).toHaveLength(1)
    const users = collection(config, 'users')
    expect(fieldNames(users)).toEqual(['department', 'name', 'memberships', 'isPlatformAdmin'])
    // The host's own definition of a clashing field wins.
    const name = users.fields.find((f) => 'name' in f && f.name === 'name')
    expect(name).toBe(hostUsers.fields[1])
    expect(users.hooks?.beforeChange).toEqual([hostHook, makeFirstUserPlatformAdmin])
    expect(users.auth).toBe(true)
    // The register's access rules replace the host's: they carry the role model.
    expect(users.access).toEqual(Users.access)
    expect(users.access?.read).toBe(Users.access?.read)
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

describe('algorithmRegister({ enabled: false })', () => {
  const enabled = apply(undefined, hostConfig())
  const disabled = apply({ enabled: false }, hostConfig())

  it('keeps every collection and every field, so the database schema stays the same', () => {
    expect((disabled.collections ?? []).map((c) => c.slug)).toEqual(REGISTER_SLUGS)
    for (const slug of REGISTER_SLUGS) {
      expect(fieldNames(collection(disabled, slug))).toEqual(fieldNames(collection(enabled, slug)))
    }
  })

  it('drops the collection hooks and endpoints', () => {
    for (const slug of REGISTER_SLUGS) {
      expect(collection(disabled, slug).hooks).toEqual({})
      expect(collection(disabled, slug).endpoints).toEqual([])
    }
    // The enabled register does have them, so the comparison above means something.
    expect(collection(enabled, 'users').hooks?.beforeChange).toEqual([makeFirstUserPlatformAdmin])
    expect((collection(enabled, 'algorithms').endpoints || []).length).toBeGreaterThan(0)
    expect((collection(enabled, 'audit-events').endpoints || []).length).toBeGreaterThan(0)
  })

  it('does not add the failed-login hook', () => {
    expect(enabled.hooks?.afterError).toEqual([recordLoginFailure])
    expect(disabled.hooks?.afterError).toEqual([])
  })
})
