import { describe, expect, it } from '@jest/globals'

import { parseAuditPeriodBoundary } from '../../../src/audit/auditPeriod'
import { loginAttemptEmail } from '../../../src/audit/loginAttemptEmail'

describe('parseAuditPeriodBoundary', () => {
  it('reads a date as midnight in the Netherlands, in winter and in summer', () => {
    expect(parseAuditPeriodBoundary('2026-01-01')).toBe('2025-12-31T23:00:00.000Z')
    expect(parseAuditPeriodBoundary('2026-07-01')).toBe('2026-06-30T22:00:00.000Z')
  })

  it('handles the days the clocks change', () => {
    expect(parseAuditPeriodBoundary('2026-03-29')).toBe('2026-03-28T23:00:00.000Z')
    expect(parseAuditPeriodBoundary('2026-03-30')).toBe('2026-03-29T22:00:00.000Z')
    expect(parseAuditPeriodBoundary('2026-10-25')).toBe('2026-10-24T22:00:00.000Z')
    expect(parseAuditPeriodBoundary('2026-10-26')).toBe('2026-10-25T23:00:00.000Z')
  })

  it('reads a date-time with a zone as that moment', () => {
    expect(parseAuditPeriodBoundary('2026-05-01T09:30:00Z')).toBe('2026-05-01T09:30:00.000Z')
    expect(parseAuditPeriodBoundary('2026-05-01T11:30:00.250+02:00')).toBe(
      '2026-05-01T09:30:00.250Z',
    )
  })

  it.each([
    '2026-02-30',
    '2026-13-01',
    'morgen',
    '2026-1-1',
    '2026-05-01T09:30',
    '',
    '2026-02-30T00:00:00Z',
  ])('refuses %j', (value) => {
    expect(parseAuditPeriodBoundary(value)).toBeNull()
  })
})

describe('loginAttemptEmail', () => {
  it('reads the address from a REST login body, as Payload normalises it', () => {
    expect(loginAttemptEmail({ email: '  Eva@Noorderhaaks.Example ', password: 'x' })).toBe(
      'eva@noorderhaaks.example',
    )
  })

  it('reads it from a GraphQL login, written out or as a variable', () => {
    expect(
      loginAttemptEmail({
        query: 'mutation { loginUser(email: "a@b.example", password: "x") { token } }',
      }),
    ).toBe('a@b.example')
    expect(
      loginAttemptEmail({
        query:
          'mutation Login($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }',
        variables: { e: 'Var@B.example', p: 'x' },
      }),
    ).toBe('var@b.example')
  })

  it('cuts an address typed by an attacker to 200 characters', () => {
    expect(loginAttemptEmail({ email: 'a'.repeat(500) })).toHaveLength(200)
  })

  it('gives null when there is no login address', () => {
    expect(loginAttemptEmail(undefined)).toBeNull()
    expect(loginAttemptEmail({ email: '   ' })).toBeNull()
    expect(loginAttemptEmail({ query: 'query { Users { docs { id } } }' })).toBeNull()
    expect(loginAttemptEmail({ query: 'mutation { loginUser(' })).toBeNull()
    expect(loginAttemptEmail({ query: 'mutation { loginUser(email: 12) { token } }' })).toBeNull()
  })
})
