import { describe, expect, it } from '@jest/globals'

import { compareWithNational } from '../../../src/national/checkDrift'
import { buildSubmission } from '../../../src/national/buildSubmission'
import { decryptCredentials, encryptCredentials } from '../../../src/national/credentialCipher'
import { retryDelayMs } from '../../../src/national/deliverAlgorithm'
import { dutchRefusal } from '../../../src/national/dutchRefusal'
import { retryAfterMs } from '../../../src/national/nationalClient'
import { setNationalSettings } from '../../../src/national/nationalSettings'
import { validateAlgorithmIn } from '../../../src/national/submissionValidator'

const snapshot = {
  name: 'Parkeervergunningen toekennen',
  description_short: 'Een programma kijkt of u recht hebt op een parkeervergunning.',
  organization: 'Gemeente Noorderhaaks',
  category: ['Verkeer'],
  status: 'In gebruik',
  begin_date: '2021-03',
  end_date: '',
  contact_email: 'algoritmes@noorderhaaks.example',
  website: '',
  publication_category: 'Overige algoritmes',
  goal: '<p>Sneller beslissen.</p>',
  lawful_basis_grouping: [
    { title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl/BWBR0006622' },
  ],
  impacttoetsen_grouping: [],
  lang: 'nld',
  standard_version: '1.0',
  source_id: '',
  lars: '12345679',
  publication_dt: '2026-11-23',
  eu_ai_act: { eu_database_url: '', fria_summary: '', dpia_summary: '' },
}

describe('the submission', () => {
  it('has the standard keys only, leaves empty values out and is valid against the OpenAPI document', () => {
    const body = buildSubmission(snapshot, { localLars: '12345679' })
    expect(body).not.toHaveProperty('eu_ai_act')
    expect(body).not.toHaveProperty('end_date')
    expect(body).not.toHaveProperty('impacttoetsen_grouping')
    expect(body).not.toHaveProperty('lars')
    expect(body.source_id).toBe('12345679')
    expect(validateAlgorithmIn(body)).toEqual([])
    expect(
      buildSubmission(snapshot, { localLars: '12345679', nationalLars: '87654321' }).lars,
    ).toBe('87654321')
  })

  it('keeps the editor’s own source ID', () => {
    expect(buildSubmission({ ...snapshot, source_id: 'APP-7' }, { localLars: '1' }).source_id).toBe(
      'APP-7',
    )
  })

  it('is refused by the validator when the contract is broken', () => {
    const { name: _name, ...withoutName } = buildSubmission(snapshot, { localLars: '12345679' })
    expect(validateAlgorithmIn(withoutName)).toEqual(["(body): must have required property 'name'"])
    expect(
      validateAlgorithmIn({ ...withoutName, name: 'x', status: 'Misschien' }).join(' '),
    ).toContain('status: must be equal to one of the allowed values')
  })
})

describe('credentials at rest', () => {
  const credentials = {
    clientId: 'c',
    username: 'u',
    password: 'Zeer-Geheim',
    tokenUrl: 'https://t',
  }

  it('round-trips with the same secret and never shows the plain text', () => {
    const stored = encryptCredentials(credentials, 'secret-a')
    expect(stored).toMatch(/^v1:/)
    expect(stored).not.toContain('Zeer-Geheim')
    expect(decryptCredentials(stored, 'secret-a')).toEqual(credentials)
    expect(encryptCredentials(credentials, 'secret-a')).not.toBe(stored)
  })

  it('cannot be read with another secret or after tampering', () => {
    const stored = encryptCredentials(credentials, 'secret-a')
    expect(decryptCredentials(stored, 'secret-b')).toBeUndefined()
    const tampered = `${stored.slice(0, -4)}AAAA`
    expect(decryptCredentials(tampered, 'secret-a')).toBeUndefined()
    expect(decryptCredentials('plain', 'secret-a')).toBeUndefined()
  })
})

describe('refusals in Dutch', () => {
  it('names the field by its Dutch title', () => {
    expect(
      dutchRefusal({
        detail: [
          {
            loc: ['body', 'description_short'],
            msg: 'String should have at most 400 characters',
            type: 'string_too_long',
          },
          {
            loc: ['body', 'lawful_basis_grouping', 0, 'link'],
            msg: 'Field required',
            type: 'missing',
          },
          { loc: ['body', 'goal'], msg: 'Something odd', type: 'value_error' },
        ],
      }),
    ).toEqual([
      'Korte omschrijving is te lang.',
      'Verwijzingen wettelijke basis (regel 1, link) is verplicht en ontbreekt.',
      'Doel en impact wordt geweigerd (Something odd).',
    ])
    expect(dutchRefusal({ detail: 'Organisation not allowed' })).toEqual([
      'Het landelijke register weigert de beschrijving: Organisation not allowed',
    ])
  })
})

describe('back-off', () => {
  it('doubles from the base up to the cap, and never waits less than Retry-After', () => {
    const restore = setNationalSettings({ retryBaseMs: 1000, retryMaxMs: 10_000 })
    try {
      expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt))).toEqual([
        1000, 2000, 4000, 8000, 10_000, 10_000,
      ])
      expect(retryDelayMs(1, 30_000)).toBe(30_000)
      expect(retryDelayMs(3, 500)).toBe(4000)
    } finally {
      restore()
    }
  })

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('7')).toBe(7000)
    expect(retryAfterMs('Thu, 03 Dec 2026 10:00:30 GMT', Date.parse('2026-12-03T10:00:00Z'))).toBe(
      30_000,
    )
    expect(retryAfterMs(null)).toBeUndefined()
    expect(retryAfterMs('soon')).toBeUndefined()
  })
})

describe('drift', () => {
  it('lists the fields the national register shows differently', () => {
    expect(
      compareWithNational(
        { name: 'A', goal: '<p>x</p>', category: ['Verkeer'], lars: '1' },
        { name: 'A', goal: '<p>y</p>', category: ['Verkeer'], lars: '2', website: null },
      ),
    ).toEqual([{ field: 'goal', ours: '<p>x</p>', theirs: '<p>y</p>' }])
  })
})
