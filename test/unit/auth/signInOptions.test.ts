import { describe, expect, it } from '@jest/globals'

import { resolveSignInOptions, signInOptionsFromEnv } from '../../../src/auth/signInOptions'

const provider = {
  id: 'entra',
  issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  clientId: 'client',
  clientSecret: 'secret',
  label: 'Inloggen met Microsoft',
}

describe('resolveSignInOptions', () => {
  it('fills in defaults', () => {
    expect(resolveSignInOptions(undefined)).toEqual({
      passwordLogin: true,
      platformAdminSecondFactor: false,
      sessionIdleMinutes: 480,
      oidcProviders: [],
      totpIssuer: 'Algoritmeregister',
    })
    expect(resolveSignInOptions({ oidcProviders: [provider] }).oidcProviders[0]).toMatchObject({
      scopes: 'openid email profile',
      roleClaim: 'roles',
    })
  })

  it.each([
    [{ unknown: 1 }, /unknown option 'unknown'/],
    [{ sessionIdleMinutes: 2 }, /sessionIdleMinutes/],
    [{ passwordLogin: 'nee' }, /passwordLogin must be true or false/],
    [{ passwordLogin: false }, /nobody could log in/],
    [{ oidcProviders: [{ ...provider, id: 'Met Spaties' }] }, /id must be/],
    [{ oidcProviders: [{ ...provider, issuer: 'ftp://x' }] }, /issuer must be an http/],
    [{ oidcProviders: [{ ...provider, clientSecret: '' }] }, /clientSecret/],
    [{ oidcProviders: [{ ...provider, scopes: 'email' }] }, /must include 'openid'/],
    [{ oidcProviders: [provider, provider] }, /twice/],
    [{ oidcProviders: [{ ...provider, extra: true }] }, /unknown key 'extra'/],
  ])('refuses %j', (input, message) => {
    expect(() => resolveSignInOptions(input)).toThrow(message)
  })
})

describe('signInOptionsFromEnv', () => {
  it('reads the variables, and refuses unreadable ones with the variable named', () => {
    expect(
      signInOptionsFromEnv({
        PASSWORD_LOGIN: 'false',
        PLATFORM_ADMIN_SECOND_FACTOR: 'true',
        SESSION_IDLE_MINUTES: '60',
        OIDC_PROVIDERS: JSON.stringify([provider]),
      } as unknown as NodeJS.ProcessEnv),
    ).toEqual({
      passwordLogin: false,
      platformAdminSecondFactor: true,
      sessionIdleMinutes: 60,
      oidcProviders: [provider],
    })
    expect(signInOptionsFromEnv({} as unknown as NodeJS.ProcessEnv)).toEqual({})
    expect(() =>
      signInOptionsFromEnv({ PASSWORD_LOGIN: 'ja' } as unknown as NodeJS.ProcessEnv),
    ).toThrow(/PASSWORD_LOGIN/)
    expect(() =>
      signInOptionsFromEnv({ OIDC_PROVIDERS: '[' } as unknown as NodeJS.ProcessEnv),
    ).toThrow(/OIDC_PROVIDERS/)
  })
})
