import { describe, expect, it } from '@jest/globals'

import {
  TEMPLATE_CLEARED_FIELDS,
  TEMPLATE_COPIED_FIELDS,
  templateData,
} from '../../../src/interop/templateData'
import { lexicalToHtml } from '../../../src/standard/richText'

const RECORD = {
  name: 'Slimme verkeerslichten Ringweg',
  organization: 'Gemeente Noorderhaaks',
  description_short: 'Sensoren laten het verkeer beter doorstromen.',
  category: ['Verkeer'],
  status: 'In gebruik',
  begin_date: '2014-01',
  end_date: '',
  contact_email: 'algoritmes@noorderhaaks.nl',
  website: 'https://www.noorderhaaks.nl/verkeerslichten',
  publication_category: 'Hoog-risico AI-systeem',
  url: 'https://algoritmes.noorderhaaks.nl/1',
  goal: '<p>Minder wachten.</p><ul><li>Minder uitstoot</li></ul>',
  proportionality: '',
  lawful_basis_grouping: [{ title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl' }],
  source_id: 'NH-001',
  process_index_url: 'https://www.noorderhaaks.nl/verwerkingen',
  provider: 'Haaks Verkeerstechniek',
  lars: '31415923',
  publication_dt: '2026-01-01',
  eu_ai_act: {
    eu_database_url: 'https://ec.europa.eu/ai-db/123',
    fria_summary: 'Grondrechten: geen grote risico’s.',
    dpia_summary: 'Geen persoonsgegevens.',
  },
  based_on: { lars: '27182811', organization: 'Provincie Haaks', revision: 2 },
}

describe('templateData', () => {
  const { data, copied } = templateData(RECORD)

  it('copies what describes the algorithm, long texts as editor state', () => {
    expect(data.name).toBe(RECORD.name)
    expect(data.category).toEqual(['Verkeer'])
    expect(data.publication_category).toBe('Hoog-risico AI-systeem')
    expect(lexicalToHtml(data.goal)).toBe(RECORD.goal)
    expect(data.proportionality).toBeNull()
    expect(data.lawful_basis_grouping).toEqual(RECORD.lawful_basis_grouping)
    expect(data.eu_database_url).toBe('https://ec.europa.eu/ai-db/123')
    expect(copied).toEqual([
      'name',
      'description_short',
      'category',
      'publication_category',
      'goal',
      'lawful_basis_grouping',
      'provider',
      'eu_database_url',
    ])
  })

  it('leaves the other organisation’s own facts empty and never copies system fields', () => {
    for (const field of TEMPLATE_CLEARED_FIELDS) expect(data[field]).toBeNull()
    for (const field of ['lars', 'publication_dt', 'organization', 'fria_summary', 'basedOn']) {
      expect(field in data).toBe(false)
    }
    expect(Object.keys(data).sort()).toEqual(
      [...TEMPLATE_COPIED_FIELDS, ...TEMPLATE_CLEARED_FIELDS].sort(),
    )
  })
})
