import { describe, expect, it } from '@jest/globals'

import {
  passwordLoginAllowed,
  secondFactorRequired,
  type OrganisationSignInSettings,
  type SecondFactorPolicy,
} from '../../../src/auth/signInPolicy'
import type { MembershipRole } from '../../../access/roles'

const rules = { passwordLogin: true, platformAdminSecondFactor: false }
const ROLES: MembershipRole[] = ['redacteur', 'goedkeurder', 'beheerder', 'auditor']
const POLICIES: SecondFactorPolicy[] = ['everyone', 'reviewers-and-admins', 'optional']

function organisations(entries: Array<[number, OrganisationSignInSettings]>) {
  return new Map(entries)
}

describe('secondFactorRequired', () => {
  it.each(POLICIES.flatMap((policy) => ROLES.map((role) => [policy, role] as const)))(
    'policy %s, role %s',
    (policy, role) => {
      const required = secondFactorRequired(
        { memberships: [{ organisation: 1, role }] },
        organisations([[1, { secondFactor: policy }]]),
        rules,
      )
      const expected =
        policy === 'everyone' ||
        (policy === 'reviewers-and-admins' && (role === 'goedkeurder' || role === 'beheerder'))
      expect(required).toBe(expected)
    },
  )

  it('takes the strictest of several organisations, each with its own role', () => {
    const settings = organisations([
      [1, { secondFactor: 'optional' }],
      [2, { secondFactor: 'reviewers-and-admins' }],
    ])
    const user = (role2: MembershipRole) => ({
      memberships: [
        { organisation: 1, role: 'beheerder' },
        { organisation: { id: 2 }, role: role2 },
      ],
    })
    expect(secondFactorRequired(user('redacteur'), settings, rules)).toBe(false)
    expect(secondFactorRequired(user('goedkeurder'), settings, rules)).toBe(true)
  })

  it('treats unknown organisations and missing settings as optional', () => {
    expect(
      secondFactorRequired(
        { memberships: [{ organisation: 9, role: 'beheerder' }] },
        organisations([]),
        rules,
      ),
    ).toBe(false)
    expect(secondFactorRequired({ memberships: null }, organisations([]), rules)).toBe(false)
  })

  it('requires it of platform admins only when the register says so', () => {
    expect(secondFactorRequired({ isPlatformAdmin: true }, organisations([]), rules)).toBe(false)
    expect(
      secondFactorRequired({ isPlatformAdmin: true }, organisations([]), {
        ...rules,
        platformAdminSecondFactor: true,
      }),
    ).toBe(true)
    expect(
      secondFactorRequired({ isPlatformAdmin: false }, organisations([]), {
        ...rules,
        platformAdminSecondFactor: true,
      }),
    ).toBe(false)
  })
})

describe('passwordLoginAllowed', () => {
  it('is off for everyone when the register switched it off', () => {
    expect(
      passwordLoginAllowed({ memberships: [] }, organisations([]), {
        ...rules,
        passwordLogin: false,
      }),
    ).toBe(false)
  })

  it('is off when any organisation of the person switched it off, on otherwise', () => {
    const settings = organisations([
      [1, { passwordLogin: true }],
      [2, { passwordLogin: false }],
      [3, {}],
    ])
    expect(
      passwordLoginAllowed(
        {
          memberships: [
            { organisation: 1, role: 'redacteur' },
            { organisation: 3, role: 'auditor' },
          ],
        },
        settings,
        rules,
      ),
    ).toBe(true)
    expect(
      passwordLoginAllowed(
        {
          memberships: [
            { organisation: 1, role: 'redacteur' },
            { organisation: 2, role: 'auditor' },
          ],
        },
        settings,
        rules,
      ),
    ).toBe(false)
  })
})
