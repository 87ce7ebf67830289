import { describe, expect, it } from '@jest/globals'
import { CsvParseError, NATIONAL_CSV_STYLE, serializeCsv } from '../../../src/interop/csvCodec'
import {
  checkNationalHeader,
  parseNationalCsv,
  serializeNationalCsv,
} from '../../../src/interop/nationalCsv'
import { NATIONAL_CSV_FIELDS, NATIONAL_CSV_HEADER } from '../../../src/interop/nationalCsvColumns'
import { LARS, cellsOf, dutchRow, englishRow } from './noorderhaaksFixtures'

function englishFile(rows: Record<string, string>[]): string {
  return serializeCsv([[...NATIONAL_CSV_HEADER], ...rows.map(cellsOf)], NATIONAL_CSV_STYLE)
}

describe('checkNationalHeader', () => {
  it('accepts the full header and the Dutch header without algorithm_id', () => {
    expect(checkNationalHeader([...NATIONAL_CSV_HEADER])).toEqual({ missing: [], unknown: [] })
    expect(checkNationalHeader([...NATIONAL_CSV_FIELDS])).toEqual({ missing: [], unknown: [] })
    expect(checkNationalHeader([...NATIONAL_CSV_FIELDS, 'lars'])).toEqual({
      missing: [],
      unknown: [],
    })
  })

  it('lists missing and unknown columns', () => {
    const header = NATIONAL_CSV_FIELDS.filter((f) => f !== 'goal' && f !== 'risks')
    expect(checkNationalHeader([...header, 'department'])).toEqual({
      missing: ['goal', 'risks'],
      unknown: ['department'],
    })
  })
})

describe('parseNationalCsv', () => {
  it('reads an English export with spreadsheet row numbers', () => {
    const text = englishFile([
      englishRow(),
      englishRow({ name: 'Afvalroute', algorithm_id: LARS.afval, begin_date: '2020-Q1' }),
    ])
    const result = parseNationalCsv(text)
    expect(result.labelLanguage).toBe('en')
    expect(result.missingColumns).toEqual([])
    expect(result.unknownColumns).toEqual([])
    expect(result.rows).toHaveLength(2)
    expect(result.rows[0].errors).toEqual([])
    expect(result.rows[1].record).toMatchObject({
      name: 'Afvalroute',
      lars: LARS.afval,
      begin_date: '2020-01',
      status: 'In gebruik',
    })
    expect(result.rows[1].warnings).toEqual([
      expect.objectContaining({ row: 3, field: 'begin_date' }),
    ])
  })

  it('reads the Dutch layout without algorithm_id', () => {
    const rows = [[...NATIONAL_CSV_FIELDS], NATIONAL_CSV_FIELDS.map((f) => dutchRow()[f])]
    const result = parseNationalCsv(serializeCsv(rows, NATIONAL_CSV_STYLE))
    expect(result.labelLanguage).toBe('nl')
    expect(result.rows[0].errors).toEqual([])
    expect(result.rows[0].record.category).toEqual(['Verkeer', 'Ruimte en infrastructuur'])
  })

  it('warns about a row with the wrong number of cells', () => {
    const text = englishFile([englishRow()]).replace(/\n$/, ',extra\n')
    const [row] = parseNationalCsv(text).rows
    expect(row.warnings[0]).toMatchObject({ row: 2, field: '*' })
    expect(row.warnings[0].message.nl).toContain('31 cellen')
  })

  it('passes on unreadable CSV as CsvParseError', () => {
    expect(() => parseNationalCsv('name,status\n"Ringweg,In use\n')).toThrow(CsvParseError)
  })

  it('reads an empty file as no rows', () => {
    expect(parseNationalCsv('')).toMatchObject({ header: [], rows: [], labelLanguage: 'unknown' })
  })
})

describe('serializeNationalCsv', () => {
  const record = {
    name: 'Parkeerscan "Centrum"',
    organization: 'Gemeente Noorderhaaks',
    category: ['Verkeer', 'Openbare orde en veiligheid'],
    status: 'In gebruik',
    goal: 'Sneller controleren.\nMinder fouten.',
    publication_category: 'Impactvolle algoritmes',
    lawful_basis_grouping: [
      { title: 'Gemeentewet, artikel 149', link: 'https://wetten.overheid.nl/BWBR0005416' },
      { title: 'Parkeerverordening', link: '' },
    ],
    lars: LARS.parkeren,
  }

  it('writes the national style with the full header', () => {
    const text = serializeNationalCsv([record])
    expect(text.startsWith(`\uFEFF${NATIONAL_CSV_HEADER.join(',')}\n`)).toBe(true)
    expect(text.endsWith(`,${LARS.parkeren}\n`)).toBe(true)
    expect(text).toContain('"Parkeerscan ""Centrum"""')
    expect(text).toContain('"Verkeer, Openbare orde en veiligheid"')
    expect(text).toContain(
      '"1: Gemeentewet, artikel 149, https://wetten.overheid.nl/BWBR0005416. 2: Parkeerverordening"',
    )
  })

  it('can leave out algorithm_id and use English labels', () => {
    const text = serializeNationalCsv([record], { withoutAlgorithmId: true, labels: 'en' })
    expect(text.split('\n')[0]).toBe(`\uFEFF${NATIONAL_CSV_FIELDS.join(',')}`)
    expect(text).not.toContain(LARS.parkeren)
    expect(text).toContain('"Traffic, Public Order and Safety"')
    expect(text).toContain(',In use,')
  })

  it('round-trips: export, then import, gives the same record', () => {
    const [row] = parseNationalCsv(serializeNationalCsv([record])).rows
    expect(row.errors.map((e) => e.field)).toEqual(['description_short', 'contact_email'])
    expect(row.warnings).toEqual([])
    expect(row.record).toMatchObject(record)
  })
})
