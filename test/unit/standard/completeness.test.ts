import { describe, it, expect } from '@jest/globals'
import {
  EDITOR_FIELD_KEYS,
  SYSTEM_FIELD_KEYS,
  assessCompleteness,
  isEmptyStandardValue,
} from '../../../src/standard/completeness'
import { htmlToLexical } from '../../../src/standard/richText'
import { noorderhaaksRecord } from './fixtures/noorderhaaksRecord'

describe('editor fields', () => {
  it('are all fields except the five the system sets', () => {
    expect(SYSTEM_FIELD_KEYS).toEqual([
      'organization',
      'lang',
      'standard_version',
      'lars',
      'publication_dt',
    ])
    expect(EDITOR_FIELD_KEYS).toHaveLength(26)
    for (const key of SYSTEM_FIELD_KEYS) expect(EDITOR_FIELD_KEYS).not.toContain(key)
    expect(EDITOR_FIELD_KEYS.slice(0, 4)).toEqual([
      'name',
      'description_short',
      'category',
      'status',
    ])
  })
})

describe('assessCompleteness', () => {
  it('rates the Noorderhaaks record: nothing missing, 22 of 26 filled', () => {
    expect(assessCompleteness(noorderhaaksRecord)).toEqual({
      missingRequired: [],
      emptyShownAlways: [],
      filled: 22,
      total: 26,
      percentage: 85,
    })
  })

  it('lists required fields and always-shown fields of an empty draft separately', () => {
    expect(assessCompleteness({})).toEqual({
      missingRequired: [
        'name',
        'description_short',
        'status',
        'contact_email',
        'publication_category',
      ],
      emptyShownAlways: [
        'category',
        'begin_date',
        'goal',
        'proportionality',
        'human_intervention',
        'risks',
        'source_data',
      ],
      filled: 0,
      total: 26,
      percentage: 0,
    })
  })

  it('ignores the fields the system sets', () => {
    const result = assessCompleteness({
      organization: 'Gemeente Noorderhaaks',
      lang: 'nld',
      standard_version: '1.0',
      lars: '58132744',
      publication_dt: '2024-05-14',
    })
    expect(result.filled).toBe(0)
    expect(result.missingRequired).not.toContain('organization')
  })

  it('counts HTML with only tags and white space as empty', () => {
    const result = assessCompleteness({
      ...noorderhaaksRecord,
      goal: '<p> </p><p><br></p>&nbsp;',
      risks: '<ul><li></li></ul>',
      name: '   ',
    })
    expect(result.missingRequired).toEqual(['name'])
    expect(result.emptyShownAlways).toEqual(['goal', 'risks'])
    expect(result.filled).toBe(19)
    expect(result.percentage).toBe(73)
  })

  it('counts lists without items, or with only blank items, as empty', () => {
    const result = assessCompleteness({
      ...noorderhaaksRecord,
      category: [],
      lawful_basis_grouping: [],
      impacttoetsen_grouping: [{ title: ' ', link: '' }],
    })
    expect(result.emptyShownAlways).toEqual(['category'])
    expect(result.filled).toBe(19)
  })

  it('rounds the percentage to a whole number', () => {
    expect(assessCompleteness({ name: 'Afvalroute' }).percentage).toBe(4)
    const filledKeys = EDITOR_FIELD_KEYS.filter(
      (key) => !isEmptyStandardValue(key, noorderhaaksRecord[key]),
    )
    const half = Object.fromEntries(
      filledKeys.slice(0, 13).map((key) => [key, noorderhaaksRecord[key]]),
    )
    expect(assessCompleteness(half).percentage).toBe(50)
  })
})

describe('isEmptyStandardValue', () => {
  it('judges each kind of field', () => {
    expect(isEmptyStandardValue('name', undefined)).toBe(true)
    expect(isEmptyStandardValue('name', null)).toBe(true)
    expect(isEmptyStandardValue('name', 'x')).toBe(false)
    expect(isEmptyStandardValue('goal', '<div><br></div>')).toBe(true)
    expect(isEmptyStandardValue('goal', '<p>Doel</p>')).toBe(false)
    expect(isEmptyStandardValue('goal', htmlToLexical(''))).toBe(true)
    expect(isEmptyStandardValue('goal', htmlToLexical('<p>Doel</p>'))).toBe(false)
    expect(isEmptyStandardValue('category', ['', ' '])).toBe(true)
    expect(isEmptyStandardValue('category', ['Werk'])).toBe(false)
    expect(isEmptyStandardValue('lawful_basis_grouping', [{ title: 'Wet', link: '' }])).toBe(false)
    expect(isEmptyStandardValue('lawful_basis_grouping', 'geen lijst')).toBe(true)
  })
})
