/**
 * A register without demo data (SEED_DEMO=false) starts empty; the first account, made through
 * Payload's first-register endpoint (the admin's "create first user" screen), becomes
 * platform admin. Nobody can use that endpoint a second time.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import {
  cleanUpRegisters,
  makeDataDir,
  spawnRegister,
  waitUntilReady,
  type RegisterProcess,
} from '../../support/spawnRegister'

// Longer than waitUntilReady's limit, so a slow start fails with the register's output.
jest.setTimeout(240_000)

let register: RegisterProcess

beforeAll(async () => {
  register = await spawnRegister({
    dataDir: makeDataDir('first-user'),
    env: { SEED_DEMO: 'false' },
  })
  await waitUntilReady(register)
})

afterAll(async () => {
  await cleanUpRegisters()
})

async function post(
  route: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${register.url}${route}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('SEED_DEMO=false on an empty database', () => {
  it('starts without demo data and says how to make the first account', async () => {
    const out = register.stdout()
    expect(out).not.toContain('Demo-accounts')
    expect(out).not.toContain('Lege database: demogegevens')
    expect(out).toContain(
      `Nog geen gebruikers: maak het eerste account aan op http://localhost:${register.port}/admin. Dat account wordt platformbeheerder.`,
    )
    const demo = await post('/api/users/login', {
      email: 'platform@algoritmeregister.example',
      password: 'demo-wachtwoord',
    })
    expect(demo.status).toBe(401)
    const init = await fetch(`${register.url}/api/users/init`)
    expect(await init.json()).toEqual({ initialized: false })
  })

  it('makes the first registered account platform admin', async () => {
    const first = await post('/api/users/first-register', {
      email: 'eerste@noorderhaaks.example',
      password: 'Eerste-wachtwoord-1',
      name: 'Eerste Beheerder',
    })
    expect(first.status).toBe(200)
    const user = first.body.user as { email: string; isPlatformAdmin: boolean }
    expect(user.email).toBe('eerste@noorderhaaks.example')
    expect(user.isPlatformAdmin).toBe(true)

    const login = await post('/api/users/login', {
      email: 'eerste@noorderhaaks.example',
      password: 'Eerste-wachtwoord-1',
    })
    expect(login.status).toBe(200)
    const me = await fetch(`${register.url}/api/users/me`, {
      headers: { authorization: `JWT ${login.body.token as string}` },
    })
    const body = (await me.json()) as { user: { isPlatformAdmin: boolean } }
    expect(body.user.isPlatformAdmin).toBe(true)
  })

  it('refuses a second first-register, and that account is no platform admin', async () => {
    const second = await post('/api/users/first-register', {
      email: 'tweede@noorderhaaks.example',
      password: 'Tweede-wachtwoord-1',
      name: 'Tweede Persoon',
      isPlatformAdmin: true,
    })
    expect(second.status).toBe(403)
    const login = await post('/api/users/login', {
      email: 'tweede@noorderhaaks.example',
      password: 'Tweede-wachtwoord-1',
    })
    expect(login.status).toBe(401)
  })
})
