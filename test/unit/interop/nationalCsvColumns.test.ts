import { describe, expect, it } from '@jest/globals'
import {
  CATEGORY_EN_TO_NL,
  CATEGORY_NL_TO_EN,
  CATEGORY_VALUES,
  NATIONAL_CSV_FIELDS,
  NATIONAL_CSV_HEADER,
  PUBLICATION_CATEGORY_EN_TO_NL,
  PUBLICATION_CATEGORY_VALUES,
  STATUS_EN_TO_NL,
  STATUS_NL_TO_EN,
  STATUS_VALUES,
  detectLabelLanguage,
} from '../../../src/interop/nationalCsvColumns'
import { dutchRow, englishRow } from './noorderhaaksFixtures'

describe('national CSV header', () => {
  it('has the exact column order of the national export, ending in algorithm_id', () => {
    expect(NATIONAL_CSV_HEADER.join(',')).toBe(
      'name,organization,description_short,category,website,status,goal,proportionality,' +
        'lawful_basis,standard_version,url,contact_email,lang,publiccode,source_data,' +
        'methods_and_models,human_intervention,risks,provider,process_index_url,tags,source_id,' +
        'begin_date,end_date,impacttoetsen,publication_category,lawful_basis_grouping,' +
        'impacttoetsen_grouping,source_data_grouping,algorithm_id',
    )
    expect(NATIONAL_CSV_FIELDS).toHaveLength(29)
  })
})

describe('English to Dutch labels', () => {
  it('maps the status labels of the English export', () => {
    expect(STATUS_EN_TO_NL).toEqual({
      'In development': 'In ontwikkeling',
      'In use': 'In gebruik',
      'Out of use': 'Buiten gebruik',
    })
    expect(STATUS_NL_TO_EN['In gebruik']).toBe('In use')
  })

  it('maps the publication categories', () => {
    expect(PUBLICATION_CATEGORY_EN_TO_NL['High-Risk AI-system']).toBe('Hoog-risico AI-systeem')
    expect(PUBLICATION_CATEGORY_EN_TO_NL['Impactful algorithms']).toBe('Impactvolle algoritmes')
    expect(PUBLICATION_CATEGORY_EN_TO_NL['Other algorithms']).toBe('Overige algoritmes')
  })

  it('maps every theme one to one onto the 16 Dutch permitted values', () => {
    expect(CATEGORY_EN_TO_NL['Social Security']).toBe('Sociale zekerheid')
    expect(CATEGORY_EN_TO_NL['Public finance']).toBe('Overheidsfinanciën')
    expect(CATEGORY_EN_TO_NL.Living).toBe('Wonen')
    expect(CATEGORY_EN_TO_NL['Space and Infrastructure']).toBe('Ruimte en infrastructuur')
    expect(new Set(Object.values(CATEGORY_EN_TO_NL))).toEqual(new Set(CATEGORY_VALUES))
    expect(Object.keys(CATEGORY_NL_TO_EN)).toHaveLength(16)
  })

  it('only maps onto permitted values', () => {
    for (const value of Object.values(STATUS_EN_TO_NL)) expect(STATUS_VALUES).toContain(value)
    for (const value of Object.values(PUBLICATION_CATEGORY_EN_TO_NL)) {
      expect(PUBLICATION_CATEGORY_VALUES).toContain(value)
    }
  })
})

describe('detectLabelLanguage', () => {
  it('recognises English and Dutch files', () => {
    expect(detectLabelLanguage([englishRow(), englishRow()])).toBe('en')
    expect(detectLabelLanguage([dutchRow()])).toBe('nl')
  })

  it('reports mixed files and files without known labels', () => {
    expect(detectLabelLanguage([englishRow(), dutchRow()])).toBe('mixed')
    expect(detectLabelLanguage([{ status: 'Actief', category: '' }])).toBe('unknown')
    expect(detectLabelLanguage([])).toBe('unknown')
  })

  it('looks at themes too', () => {
    expect(detectLabelLanguage([{ category: 'Social Security, Work' }])).toBe('en')
    expect(detectLabelLanguage([{ category: 'Economie, Wonen' }])).toBe('nl')
  })
})
