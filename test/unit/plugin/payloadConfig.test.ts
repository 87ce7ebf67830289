import { describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import configPromise from '../../../payload.config'

describe('the root payload.config.ts', () => {
  it('builds, with the register collections and the admin on users', async () => {
    const config = await configPromise
    const slugs = config.collections.map((c) => c.slug)
    expect(slugs).toEqual(
      expect.arrayContaining(['organisations', 'users', 'algorithms', 'revisions', 'audit-events']),
    )
    expect(config.admin.user).toBe('users')
    expect(config.telemetry).toBe(false)
  })

  it('speaks Dutch by default and also supports English', async () => {
    const config = await configPromise
    expect(config.i18n.fallbackLanguage).toBe('nl')
    expect(Object.keys(config.i18n.supportedLanguages)).toEqual(
      expect.arrayContaining(['nl', 'en']),
    )
  })

  it('uses PostgreSQL with committed migrations and never pushes the schema', async () => {
    const config = await configPromise
    expect(config.db.name).toBe('postgres')
    // init() only builds the adapter object; it does not connect.
    const adapter = config.db.init({ payload: { config } as unknown as Payload }) as unknown as {
      push?: boolean
      migrationDir: string
    }
    expect(adapter.push).toBe(false)
    expect(adapter.migrationDir).toMatch(/[/\\]migrations$/)
  })

  it('keeps the plugin options on config.custom', async () => {
    const config = await configPromise
    const options = (config.custom as { algorithmRegister?: { firstUserIsPlatformAdmin: boolean } })
      .algorithmRegister
    // A stand-alone register: the first account on an empty database becomes platform admin.
    expect(options?.firstUserIsPlatformAdmin).toBe(true)
  })
})
