import { describe, expect, it } from '@jest/globals'

import type { Algorithm } from '../../../payload-types'
import { publicRecordToNational, toAlgorithmData } from '../../../src/interop/algorithmImportData'
import { nationalCsvFromPublicRecords } from '../../../src/interop/exportNationalCsv'
import { NATIONAL_CSV_HEADER } from '../../../src/interop/nationalCsvColumns'
import { readImportFile, type ImportSource } from '../../../src/interop/readImportFile'
import { buildPublicRecord, type PublicRecord } from '../../../src/publicApi/publicRecord'
import { readFixture } from '../../fixtures/interop/interopFixtures'

/** What the register would publish for each importable row (without the database). */
function publicRecords(source: ImportSource): PublicRecord[] {
  return source.rows
    .filter((row) => row.errors.length === 0)
    .map((row, index) =>
      buildPublicRecord(
        {
          ...toAlgorithmData(row.record),
          lars: row.record.lars || `1111111${index}`,
        } as unknown as Algorithm,
        { name: row.record.organization },
        '2026-11-23',
      ),
    )
}

describe('nationalCsvFromPublicRecords', () => {
  it('writes the national header and style: BOM, minimal quoting, LF, stripped long texts', () => {
    const [record] = publicRecords(readImportFile('en.csv', readFixture('noorderhaaks-en.csv')))
    const csv = nationalCsvFromPublicRecords([record])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, row] = csv.slice(1).split('\n')
    expect(header).toBe(NATIONAL_CSV_HEADER.join(','))
    expect(row.startsWith('Slimme verkeerslichten Ringweg,Gemeente Noorderhaaks,')).toBe(true)
    expect(csv).toContain('"Minder wachten bij kruispunten.\nMinder uitstoot van uitlaatgassen."')
    expect(csv).toContain(',Impactvolle algoritmes,')
    expect(csv).toContain('"1: Wegenverkeerswet 1994, https://wetten.overheid.nl/BWBR0006622"')
    expect(csv.endsWith(',31415923\n')).toBe(true)
  })

  it('quotes every field on request, and writes English labels on request', () => {
    const [record] = publicRecords(readImportFile('en.csv', readFixture('noorderhaaks-en.csv')))
    const csv = nationalCsvFromPublicRecords([record], { quoteAll: true, labels: 'en' })
    const [header, row] = csv.slice(1).split('\n')
    expect(header).toBe(NATIONAL_CSV_HEADER.map((column) => `"${column}"`).join(','))
    expect(row.startsWith('"Slimme verkeerslichten Ringweg","Gemeente Noorderhaaks",')).toBe(true)
    expect(csv).toContain('"Traffic, Space and Infrastructure"')
    expect(csv).toContain('"Impactful algorithms"')
  })

  it('gives the same file after export → read → export (no database involved)', () => {
    const first = nationalCsvFromPublicRecords(
      publicRecords(readImportFile('en.csv', readFixture('noorderhaaks-en.csv'))),
    )
    const again = readImportFile('export.csv', first)
    expect(again.rows.every((row) => row.errors.length === 0)).toBe(true)
    expect(again.rows.flatMap((row) => row.warnings)).toEqual([])
    expect(nationalCsvFromPublicRecords(publicRecords(again))).toBe(first)
  })

  it('reads long texts back from the public HTML as the export carries them', () => {
    expect(
      publicRecordToNational({
        name: 'Toets',
        goal: '<p>Eerste regel</p><ul><li>punt een</li><li>punt twee</li></ul>',
        category: ['Werk', 3],
        lawful_basis_grouping: [{ title: 'Wet', link: 'https://wetten.overheid.nl' }],
      }),
    ).toEqual(
      expect.objectContaining({
        name: 'Toets',
        goal: 'Eerste regel\npunt een\npunt twee',
        category: ['Werk'],
        lawful_basis_grouping: [{ title: 'Wet', link: 'https://wetten.overheid.nl' }],
        impacttoetsen_grouping: [],
        website: '',
      }),
    )
  })
})
