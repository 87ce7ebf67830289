import { describe, expect, it } from '@jest/globals'
import { UnsupportedJsonShapeError, normaliseNationalJson } from '../../../src/interop/nationalJson'
import { LARS, englishRow } from './noorderhaaksFixtures'

function jsonRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const row: Record<string, unknown> = { ...englishRow() }
  delete row.algorithm_id
  return {
    ...row,
    lars: LARS.verkeer,
    category: ['Verkeer'],
    lawful_basis_grouping: [
      { title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl/BWBR0006622' },
    ],
    impacttoetsen_grouping: null,
    source_data_grouping: [],
    ...overrides,
  }
}

describe('normaliseNationalJson', () => {
  it('reads an array of records with standard keys', () => {
    const result = normaliseNationalJson([jsonRecord(), jsonRecord({ lars: Number(LARS.afval) })])
    expect(result.shape).toBe('records')
    expect(result.rows).toHaveLength(2)
    expect(result.rows[0].errors).toEqual([])
    expect(result.rows[0].record).toMatchObject({
      lars: LARS.verkeer,
      category: ['Verkeer'],
      status: 'In gebruik',
      impacttoetsen_grouping: [],
      lawful_basis_grouping: [
        { title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl/BWBR0006622' },
      ],
    })
    expect(result.rows[1].record.lars).toBe(LARS.afval)
  })

  it('accepts algorithm_id, flattened strings and comma-separated themes as well', () => {
    const result = normaliseNationalJson(
      jsonRecord({
        lars: undefined,
        algorithm_id: LARS.parkeren,
        category: 'Werk, Social Security',
        source_data_grouping: '1: BRP, https://www.rvig.nl/brp. 2: Betaalhistorie',
      }),
    )
    expect(result.shape).toBe('record')
    expect(result.rows[0].record).toMatchObject({
      lars: LARS.parkeren,
      category: ['Werk', 'Sociale zekerheid'],
      source_data_grouping: [
        { title: 'BRP', link: 'https://www.rvig.nl/brp' },
        { title: 'Betaalhistorie', link: '' },
      ],
    })
  })

  it('turns the simple HTML of long texts into plain text with line breaks', () => {
    const [row] = normaliseNationalJson([
      jsonRecord({
        goal: '<p>Minder wachten.</p><ul><li>Kortere rijen</li><li>Minder uitstoot &amp; lawaai</li></ul>',
      }),
    ]).rows
    expect(row.record.goal).toBe('Minder wachten.\n- Kortere rijen\n- Minder uitstoot & lawaai')
  })

  it('warns about values of an unexpected type and numbers items from 1', () => {
    const result = normaliseNationalJson([jsonRecord({ tags: { nl: 'verkeer' } }), 'geen object'])
    expect(result.rows[0].warnings).toEqual([expect.objectContaining({ row: 1, field: 'tags' })])
    expect(result.rows[0].record.tags).toBe('')
    expect(result.rows[1].errors).toEqual([expect.objectContaining({ row: 2, field: '*' })])
  })

  it('reads the site-data dump, rejecting records of the older 0.x standard first on version', () => {
    const result = normaliseNationalJson({
      algoritme_versions: [
        jsonRecord(),
        {
          name: 'Wmo-voorspelmodel',
          standard_version: '0.1',
          lang: 'Nederlands',
          status: 'Actief',
        },
      ],
    })
    expect(result.shape).toBe('siteData')
    expect(result.rows[0].errors).toEqual([])
    expect(result.rows[1].errors[0]).toMatchObject({ field: 'standard_version', value: '0.1' })
    expect(result.rows[1].record.lang).toBe('nld')
  })

  it('throws for shapes it does not support, such as the search overview', () => {
    const overview = { algoritmes: [{ id: LARS.verkeer, organisatie: 'Gemeente Noorderhaaks' }] }
    expect(() => normaliseNationalJson(overview)).toThrow(UnsupportedJsonShapeError)
    expect(() => normaliseNationalJson('tekst')).toThrow(UnsupportedJsonShapeError)
    expect(() => normaliseNationalJson(null)).toThrow(UnsupportedJsonShapeError)
  })
})
