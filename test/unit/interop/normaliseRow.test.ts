import { describe, expect, it } from '@jest/globals'
import { NATIONAL_CSV_HEADER } from '../../../src/interop/nationalCsvColumns'
import {
  nationalRowObject,
  normaliseNationalInput,
  normaliseNationalRow,
  toNationalRow,
  type NormalisedRow,
} from '../../../src/interop/normaliseRow'
import { LARS, cellsOf, dutchRow, englishRow } from './noorderhaaksFixtures'

const ROW = 7

function fieldsOf(issues: NormalisedRow['warnings']): string[] {
  return issues.map((issue) => issue.field)
}

describe('normaliseNationalRow: a clean row', () => {
  it('maps an English-label row onto the standard keys with Dutch values, without issues', () => {
    const result = normaliseNationalRow(englishRow(), ROW)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.record).toEqual({
      name: 'Slimme verkeerslichten Ringweg',
      organization: 'Gemeente Noorderhaaks',
      description_short:
        'Sensoren in het wegdek laten het verkeer op de Ringweg beter doorstromen.',
      category: ['Verkeer', 'Ruimte en infrastructuur'],
      website: 'https://www.noorderhaaks.nl/verkeerslichten',
      status: 'In gebruik',
      goal: 'Minder wachten bij kruispunten.\nMinder uitstoot.',
      proportionality: 'De voordelen wegen op tegen de nadelen.',
      lawful_basis: 'Wegenverkeerswet 1994.',
      standard_version: '1.0',
      url: '',
      contact_email: 'algoritmes@noorderhaaks.nl',
      lang: 'nld',
      publiccode: '',
      source_data: 'Sensordata van kruispunten.',
      methods_and_models: 'Een eenvoudige beslisboom.',
      human_intervention: 'Verkeersregelaars kijken mee.',
      risks: 'Een sensor kan stukgaan.',
      provider: 'Haaks Verkeerstechniek',
      process_index_url: '',
      tags: 'verkeer, VRI',
      source_id: 'NH-001',
      begin_date: '2023-01',
      end_date: '',
      impacttoetsen: '',
      publication_category: 'Impactvolle algoritmes',
      lawful_basis_grouping: [
        { title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl/BWBR0006622' },
      ],
      impacttoetsen_grouping: [{ title: 'Data Protection Impact Assessment (DPIA)', link: '' }],
      source_data_grouping: [],
      lars: LARS.verkeer,
    })
  })

  it('gives the same record for the Dutch-label row (which has no algorithm_id)', () => {
    const english = normaliseNationalRow(englishRow(), ROW).record
    const dutch = normaliseNationalRow(dutchRow(), ROW)
    expect(dutch.errors).toEqual([])
    expect(dutch.record).toEqual({ ...english, lars: '' })
  })
})

describe('normaliseNationalRow: text', () => {
  it('trims trailing spaces, tabs and non-breaking spaces without a warning', () => {
    const result = normaliseNationalRow(
      englishRow({
        name: 'Slimme verkeerslichten Ringweg ',
        contact_email: '\u00a0algoritmes@noorderhaaks.nl\t',
        description_short: 'Korte tekst.  ',
      }),
      ROW,
    )
    expect(result.record.name).toBe('Slimme verkeerslichten Ringweg')
    expect(result.record.contact_email).toBe('algoritmes@noorderhaaks.nl')
    expect(result.record.description_short).toBe('Korte tekst.')
    expect(result.warnings).toEqual([])
  })

  it('keeps line breaks in long texts as LF and decodes entities left by HTML stripping', () => {
    const result = normaliseNationalRow(
      englishRow({
        goal: 'Regel 1\r\nRegel 2\rRegel 3\n',
        provider: 'Haaks &amp; Zonen B.V.',
        lawful_basis:
          'Zie https://wetten.overheid.nl/jci1.3:c:BWBR0005416&amp;artikel=2 &lt;bron&gt;',
      }),
      ROW,
    )
    expect(result.record.goal).toBe('Regel 1\nRegel 2\nRegel 3')
    expect(result.record.provider).toBe('Haaks & Zonen B.V.')
    expect(result.record.lawful_basis).toBe(
      'Zie https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=2 <bron>',
    )
  })

  it('rejects a row with an empty required text field', () => {
    const result = normaliseNationalRow(englishRow({ organization: '  ' }), ROW)
    expect(result.errors).toEqual([
      {
        row: ROW,
        field: 'organization',
        message: {
          nl: 'Organisatienaam is verplicht, maar is leeg.',
          en: 'Organisation is required, but is empty.',
        },
      },
    ])
  })
})

describe('normaliseNationalRow: fixed values', () => {
  it('accepts Dutch and English labels regardless of case and spacing', () => {
    const result = normaliseNationalRow(
      englishRow({ status: ' in  USE ', publication_category: 'hoog-risico ai-systeem' }),
      ROW,
    )
    expect(result.record.status).toBe('In gebruik')
    expect(result.record.publication_category).toBe('Hoog-risico AI-systeem')
    expect(result.errors).toEqual([])
  })

  it('rejects an unknown status, naming the value and the permitted ones', () => {
    const result = normaliseNationalRow(englishRow({ status: 'Actief' }), ROW)
    expect(result.record.status).toBe('')
    expect(result.errors).toEqual([
      {
        row: ROW,
        field: 'status',
        value: 'Actief',
        message: {
          nl: 'Status "Actief" is geen toegestane waarde. Kies uit: "In ontwikkeling", "In gebruik", "Buiten gebruik".',
          en: 'Status "Actief" is not a permitted value. Choose from: "In ontwikkeling", "In gebruik", "Buiten gebruik".',
        },
      },
    ])
  })

  it('rejects an unknown or empty publication category', () => {
    const unknown = normaliseNationalRow(englishRow({ publication_category: 'Categorie B' }), ROW)
    expect(fieldsOf(unknown.errors)).toEqual(['publication_category'])
    expect(unknown.errors[0].message.en).toContain('"Impactvolle algoritmes"')
    const empty = normaliseNationalRow(englishRow({ publication_category: '' }), ROW)
    expect(empty.errors[0].message.nl).toBe('Publicatiecategorie is verplicht, maar is leeg.')
  })

  it('fills an empty language with nld (warning) and rejects other languages', () => {
    const empty = normaliseNationalRow(englishRow({ lang: '' }), ROW)
    expect(empty.record.lang).toBe('nld')
    expect(fieldsOf(empty.warnings)).toEqual(['lang'])
    const english = normaliseNationalRow(englishRow({ lang: 'eng' }), ROW)
    expect(english.record.lang).toBe('')
    expect(fieldsOf(english.errors)).toEqual(['lang'])
    expect(normaliseNationalRow(englishRow({ lang: 'Nederlands' }), ROW).record.lang).toBe('nld')
  })

  it('normalises the standard version to 1.0 without a warning, and rejects other versions', () => {
    for (const version of ['1.0.0', '1.0', '1', '']) {
      const result = normaliseNationalRow(englishRow({ standard_version: version }), ROW)
      expect(result.record.standard_version).toBe('1.0')
      expect(result.warnings).toEqual([])
      expect(result.errors).toEqual([])
    }
    const old = normaliseNationalRow(englishRow({ standard_version: '0.1' }), ROW)
    expect(old.record.standard_version).toBe('')
    expect(old.errors[0].message.nl).toContain('Alleen versie 1.0')
  })
})

describe('normaliseNationalRow: themes', () => {
  it('gives an empty list for an empty theme, without a warning', () => {
    const result = normaliseNationalRow(englishRow({ category: '' }), ROW)
    expect(result.record.category).toEqual([])
    expect(result.warnings).toEqual([])
  })

  it('warns when the raw value holds no theme at all', () => {
    const result = normaliseNationalRow(englishRow({ category: ' , ,' }), ROW)
    expect(result.record.category).toEqual([])
    expect(fieldsOf(result.warnings)).toEqual(['category'])
    expect(result.warnings[0].value).toBe(' , ,')
  })

  it('leaves out an unknown theme with a warning naming it, and removes doubles', () => {
    const result = normaliseNationalRow(
      englishRow({ category: 'Social Security, Belastingen, Sociale zekerheid' }),
      ROW,
    )
    expect(result.record.category).toEqual(['Sociale zekerheid'])
    expect(result.errors).toEqual([])
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0].message.nl).toContain('Thema "Belastingen" bestaat niet')
    expect(result.warnings[0].message.en).toContain('"Zorg en gezondheid"')
  })
})

describe('normaliseNationalRow: dates', () => {
  it.each([
    ['01-2014', '2014-01'],
    ['2018 ', '2018-01'],
    ['2020-Q1', '2020-01'],
    ['jan-2019', '2019-01'],
    ['2019-05-01', '2019-05'],
  ])('turns begin_date %j into %j with one warning', (raw, expected) => {
    const result = normaliseNationalRow(englishRow({ begin_date: raw }), ROW)
    expect(result.record.begin_date).toBe(expected)
    expect(result.errors).toEqual([])
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatchObject({ row: ROW, field: 'begin_date', value: raw })
  })

  it('says so when the month was assumed', () => {
    const [warning] = normaliseNationalRow(englishRow({ begin_date: '2018 ' }), ROW).warnings
    expect(warning.message.nl).toBe(
      'Begindatum: Datum "2018" is omgezet naar "2018-01". Er stond alleen een jaar. We hebben januari (01) als maand genomen.',
    )
  })

  it('empties an unreadable optional date with a warning instead of rejecting the row', () => {
    const result = normaliseNationalRow(englishRow({ end_date: 'maart' }), ROW)
    expect(result.record.end_date).toBe('')
    expect(result.errors).toEqual([])
    expect(result.warnings[0].message.en).toBe(
      'End date: "maart" is not a valid month. There is no year. Use the form yyyy-mm, for example 2023-01. The field was left empty.',
    )
  })

  it('empties placeholders such as n.v.t. with a warning', () => {
    const result = normaliseNationalRow(englishRow({ end_date: 'n.v.t.' }), ROW)
    expect(result.record.end_date).toBe('')
    expect(fieldsOf(result.warnings)).toEqual(['end_date'])
  })
})

describe('normaliseNationalRow: LARS id', () => {
  it('accepts a valid id and an empty one', () => {
    expect(
      normaliseNationalRow(englishRow({ algorithm_id: ` ${LARS.afval} ` }), ROW).record.lars,
    ).toBe(LARS.afval)
    const empty = normaliseNationalRow(englishRow({ algorithm_id: '' }), ROW)
    expect(empty.record.lars).toBe('')
    expect(empty.errors).toEqual([])
  })

  it('rejects an id with a wrong check digit', () => {
    const result = normaliseNationalRow(englishRow({ algorithm_id: '24681358' }), ROW)
    expect(result.record.lars).toBe('')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ field: 'lars', value: '24681358' })
    expect(result.errors[0].message.nl).toContain('controlecijfer')
  })

  it('rejects an id with a swap of two digits', () => {
    expect(normaliseNationalRow(englishRow({ algorithm_id: '21345670' }), ROW).errors).toHaveLength(
      1,
    )
  })

  it('rejects an id that is not 8 digits', () => {
    for (const id of ['1234567', '123456789', 'NH-00001', '1234567O']) {
      const result = normaliseNationalRow(englishRow({ algorithm_id: id }), ROW)
      expect(result.errors[0].message.en).toContain('exactly 8 digits')
    }
  })

  it('also reads the id from a lars column', () => {
    const row = dutchRow({ lars: LARS.parkeren })
    expect(normaliseNationalRow(row, ROW).record.lars).toBe(LARS.parkeren)
  })
})

describe('normaliseNationalRow: groupings', () => {
  it('parses link lists with commas and missing links, and passes on parse warnings', () => {
    const result = normaliseNationalRow(
      englishRow({
        source_data_grouping:
          '1: Identificerende gegevens (o.m. BSN), Basisregistratie Personen (BRP). 2: Betaalhistorie',
        lawful_basis_grouping: '1: https://wetten.overheid.nl/BWBR0006622, Wegenverkeerswet',
      }),
      ROW,
    )
    expect(result.record.source_data_grouping).toEqual([
      { title: 'Identificerende gegevens (o.m. BSN)', link: 'Basisregistratie Personen (BRP)' },
      { title: 'Betaalhistorie', link: '' },
    ])
    expect(result.record.lawful_basis_grouping).toEqual([
      { title: 'Wegenverkeerswet', link: 'https://wetten.overheid.nl/BWBR0006622' },
    ])
    expect(fieldsOf(result.warnings)).toEqual(['lawful_basis_grouping'])
  })

  it('accepts lists that are already arrays (JSON input)', () => {
    const result = normaliseNationalInput(
      {
        ...englishRow(),
        category: ['Werk', 'Social Security'],
        impacttoetsen_grouping: [
          { title: ' IAMA ', link: 'https://noorderhaaks.nl/iama' },
          { title: '', link: '' },
        ],
      },
      1,
    )
    expect(result.record.category).toEqual(['Werk', 'Sociale zekerheid'])
    expect(result.record.impacttoetsen_grouping).toEqual([
      { title: 'IAMA', link: 'https://noorderhaaks.nl/iama' },
    ])
  })
})

describe('nationalRowObject', () => {
  it('pairs header and cells, filling missing cells and ignoring extra ones', () => {
    expect(nationalRowObject(['\uFEFFname', ' status ', 'lang'], ['Ringweg', 'In use'])).toEqual({
      name: 'Ringweg',
      status: 'In use',
      lang: '',
    })
    expect(nationalRowObject(['name', 'name'], ['eerste', 'tweede', 'extra'])).toEqual({
      name: 'eerste',
    })
  })
})

describe('toNationalRow', () => {
  it('writes values in header order with flattened lists and joined themes', () => {
    const { record } = normaliseNationalRow(englishRow(), ROW)
    const cells = toNationalRow(record)
    expect(cells).toHaveLength(NATIONAL_CSV_HEADER.length)
    const byColumn = nationalRowObject([...NATIONAL_CSV_HEADER], cells)
    expect(byColumn).toEqual(
      englishRow({
        category: 'Verkeer, Ruimte en infrastructuur',
        status: 'In gebruik',
        publication_category: 'Impactvolle algoritmes',
      }),
    )
  })

  it('can write the labels of the English export', () => {
    const { record } = normaliseNationalRow(dutchRow({ algorithm_id: LARS.verkeer }), ROW)
    expect(toNationalRow(record, { labels: 'en' })).toEqual(cellsOf(englishRow()))
  })

  it('writes missing fields as empty cells, except the fixed lang and version', () => {
    const cells = toNationalRow({ name: 'Afvalroute', lars: LARS.afval })
    expect(cells[0]).toBe('Afvalroute')
    expect(cells[cells.length - 1]).toBe(LARS.afval)
    const byColumn = nationalRowObject([...NATIONAL_CSV_HEADER], cells)
    expect(byColumn.lang).toBe('nld')
    expect(byColumn.standard_version).toBe('1.0')
    const others = NATIONAL_CSV_HEADER.filter(
      (c) => !['name', 'algorithm_id', 'lang', 'standard_version'].includes(c),
    )
    expect(others.every((column) => byColumn[column] === '')).toBe(true)
  })
})
