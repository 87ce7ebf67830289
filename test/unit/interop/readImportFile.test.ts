import { describe, expect, it } from '@jest/globals'

import {
  ImportFileError,
  readImportFile,
  type ImportRow,
  type ImportWarning,
} from '../../../src/interop/readImportFile'
import { FIXTURE_LARS, readFixture } from '../../fixtures/interop/interopFixtures'

function warningsOf(row: ImportRow, kind: ImportWarning['kind']): string[] {
  return row.warnings.filter((warning) => warning.kind === kind).map((warning) => warning.field)
}

function rowNamed(rows: ImportRow[], name: string): ImportRow {
  const row = rows.find((candidate) => candidate.record.name === name)
  if (!row) throw new Error(`no row ${name}`)
  return row
}

describe('readImportFile: the English national CSV export', () => {
  const source = readImportFile('noorderhaaks-en.csv', readFixture('noorderhaaks-en.csv'))

  it('reads the BOM, the header and every row, numbered as a spreadsheet shows them', () => {
    expect(source.format).toBe('csv')
    expect(source.labelLanguage).toBe('en')
    expect(source.missingColumns).toEqual([])
    expect(source.unknownColumns).toEqual([])
    expect(source.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8])
    expect(source.rows[0].record.name).toBe('Slimme verkeerslichten Ringweg')
  })

  it('maps English labels to the standard Dutch values, as a cleaned (not changed) warning', () => {
    const row = rowNamed(source.rows, 'Slimme verkeerslichten Ringweg')
    expect(row.record.status).toBe('In gebruik')
    expect(row.record.publication_category).toBe('Impactvolle algoritmes')
    expect(row.record.category).toEqual(['Verkeer', 'Ruimte en infrastructuur'])
    expect(warningsOf(row, 'cleaned')).toEqual(
      expect.arrayContaining(['status', 'publication_category', 'category']),
    )
    const status = row.warnings.find((warning) => warning.field === 'status')
    expect(status?.message.nl).toBe(
      '"In use" is vervangen door de waarde uit de standaard: "In gebruik".',
    )
  })

  it('removes spaces around values with a cleaned warning, keeping line breaks inside', () => {
    const row = rowNamed(source.rows, 'Slimme verkeerslichten Ringweg')
    expect(row.record.description_short).toBe(
      'Sensoren in het wegdek laten het verkeer op de Ringweg beter doorstromen.',
    )
    expect(row.record.goal).toBe(
      'Minder wachten bij kruispunten.\nMinder uitstoot van uitlaatgassen.',
    )
    expect(warningsOf(row, 'cleaned')).toEqual(
      expect.arrayContaining(['description_short', 'goal']),
    )
  })

  it('rewrites the dates 01-2014, "2018 " and 2020-Q1 with a changed warning each', () => {
    const dates = source.rows.slice(0, 3).map((row) => row.record.begin_date)
    expect(dates).toEqual(['2014-01', '2018-01', '2020-01'])
    for (const row of source.rows.slice(0, 3)) {
      expect(warningsOf(row, 'changed')).toContain('begin_date')
    }
    const year = rowNamed(source.rows, 'Parkeervergunningen toewijzen')
    // The space after 2018 is a clean-up of its own.
    expect(warningsOf(year, 'cleaned')).toContain('begin_date')
    const month = rowNamed(source.rows, 'Afvalinzameling plannen')
    expect(month.record.begin_date).toBe('2022-05')
  })

  it('leaves a theme cell without themes empty with a warning, and an empty cell silently', () => {
    const commas = rowNamed(source.rows, 'Parkeervergunningen toewijzen')
    expect(commas.record.category).toEqual([])
    expect(warningsOf(commas, 'changed')).toContain('category')
    const empty = rowNamed(source.rows, 'Subsidieaanvragen sorteren')
    expect(empty.record.category).toEqual([])
    expect(empty.warnings.filter((warning) => warning.field === 'category')).toEqual([])
  })

  it('reads the flattened lists', () => {
    const row = rowNamed(source.rows, 'Parkeervergunningen toewijzen')
    expect(row.record.source_data_grouping).toEqual([
      { title: 'Basisregistratie Personen (BRP)', link: 'https://www.rvig.nl/brp' },
      { title: 'Kentekenregister', link: 'https://www.rdw.nl' },
    ])
  })

  it('puts https:// before a web address that starts with www., with a changed warning', () => {
    const row = rowNamed(source.rows, 'Dijkbewaking met sensoren')
    expect(row.record.website).toBe('https://www.haaksdelta.nl/dijken')
    expect(row.warnings).toContainEqual(
      expect.objectContaining({
        field: 'website',
        kind: 'changed',
        value: 'www.haaksdelta.nl/dijken',
      }),
    )
  })

  it('keeps rows that break the standard, with the reason, for the import to reject', () => {
    const row = rowNamed(source.rows, 'Proef met chatbot')
    expect(row.errors.map((error) => error.field)).toEqual(['status'])
    expect(row.errors[0].message.en).toContain('"Experimental" is not a permitted value')
    expect(rowNamed(source.rows, 'Afvalinzameling plannen').record.lars).toBe('')
    expect(rowNamed(source.rows, 'Dijkbewaking met sensoren').record.lars).toBe(
      FIXTURE_LARS.dijkbewaking,
    )
  })
})

describe('readImportFile: the Dutch variant and JSON', () => {
  it('reads the Dutch export without algorithm_id column, without BOM, with CRLF', () => {
    const source = readImportFile('nl.csv', readFixture('noorderhaaks-nl.csv'))
    expect(source.labelLanguage).toBe('nl')
    expect(source.rows).toHaveLength(2)
    const [first] = source.rows
    expect(first.errors).toEqual([])
    expect(first.record.category).toEqual(['Sociale zekerheid', 'Werk'])
    expect(first.record.standard_version).toBe('1.0')
    expect(first.record.lars).toBe('')
    // Dutch labels need no cleaning.
    expect(warningsOf(first, 'cleaned')).toEqual([])
  })

  it('reads a JSON list of records: arrays, HTML, numbers as ids, the organisation code', () => {
    const source = readImportFile('dump.json', readFixture('noorderhaaks.json'))
    expect(source.format).toBe('json')
    const [woning, boetes] = source.rows
    expect(woning.organisationCode).toBe('code')
    expect(woning.record.lars).toBe(FIXTURE_LARS.woningtoewijzing)
    expect(woning.record.goal).toBe(
      'Eerlijk verdelen van sociale huurwoningen.\n- Op inschrijfduur\n- Met voorrang bij nood',
    )
    expect(boetes.record.lars).toBe(FIXTURE_LARS.parkeerboetes)
    expect(boetes.record.category).toEqual(['Verkeer'])
    expect(boetes.record.begin_date).toBe('2020-03')
    expect(warningsOf(boetes, 'cleaned')).toEqual(
      expect.arrayContaining(['status', 'publication_category', 'category']),
    )
  })

  it('refuses files that are not an export, with a reason in both languages', () => {
    expect(() => readImportFile('x.csv', 'titel,tekst\nHallo,wereld\n')).toThrow(ImportFileError)
    try {
      readImportFile('x.csv', 'titel,tekst\nHallo,wereld\n')
    } catch (error) {
      expect((error as ImportFileError).text.nl).toContain(
        'de kolommen name, organization, description_short, status ontbreken',
      )
    }
    expect(() => readImportFile('x.json', '{"algoritmes": []}')).toThrow(ImportFileError)
    expect(() => readImportFile('x.json', '[{"name": "a",')).toThrow(ImportFileError)
    expect(() => readImportFile('x.csv', 'name,organization\n"open')).toThrow(ImportFileError)
  })
})
