import { describe, expect, it } from '@jest/globals'

import type { ImportResult, RowReport } from '../../../src/interop/importRegister'
import {
  countWarningsByField,
  formatImportSummary,
  groupRejections,
  progressCounts,
} from '../../../src/interop/importSummary'

function rejected(rowNumber: number, field: string, nl: string): RowReport {
  return {
    rowNumber,
    outcome: 'rejected',
    lars: '',
    name: `Rij ${rowNumber}`,
    organisation: 'Gemeente Noorderhaaks',
    reasons: [{ field, message: { nl, en: nl } }],
    warnings: [],
  }
}

function result(overrides: Partial<ImportResult> = {}): ImportResult {
  return {
    fileName: 'noorderhaaks-en.csv',
    format: 'csv',
    labelLanguage: 'en',
    missingColumns: [],
    unknownColumns: [],
    dryRun: false,
    strict: false,
    committed: true,
    total: 4,
    counts: { created: 2, updated: 1, unchanged: 0, rejected: 1 },
    rows: [rejected(5, 'website', "Website 'niet openbaar' is geen geldige link.")],
    organisationsCreated: [
      { name: 'Stichting Haaks Fonds', type: 'overig', certain: false, rowNumber: 5 },
      { name: 'Waterschap Haaksdelta', type: 'waterschap', certain: true, rowNumber: 4 },
    ],
    importer: { id: 1, name: 'Import Beheerder', email: 'beheer@noorderhaaks.nl' },
    startedAt: '2026-11-23T10:00:00.000Z',
    durationMs: 2000,
    ...overrides,
  }
}

describe('groupRejections', () => {
  it('groups rows by field and reason, ignoring quoted values, numbers and list positions', () => {
    const groups = groupRejections([
      rejected(3, 'website', "Website 'a' is geen geldige link."),
      rejected(9, 'website', "Website 'b c' is geen geldige link."),
      rejected(4, 'source_data_grouping.0.link', 'Link (regel 1) is geen geldige link.'),
      rejected(7, 'source_data_grouping.3.link', 'Link (regel 4) is geen geldige link.'),
      rejected(8, 'name', 'Naam is te lang: 116 tekens, maximaal 100.'),
    ])
    expect(groups).toEqual([
      {
        field: 'source_data_grouping[].link',
        message: {
          nl: 'Link (regel #) is geen geldige link.',
          en: 'Link (regel #) is geen geldige link.',
        },
        rows: [4, 7],
      },
      {
        field: 'website',
        message: { nl: 'Website … is geen geldige link.', en: 'Website … is geen geldige link.' },
        rows: [3, 9],
      },
      {
        field: 'name',
        message: {
          nl: 'Naam is te lang: # tekens, maximaal #.',
          en: 'Naam is te lang: # tekens, maximaal #.',
        },
        rows: [8],
      },
    ])
  })
})

describe('countWarningsByField', () => {
  it('counts per field and kind, most first', () => {
    const row: RowReport = {
      ...rejected(2, 'x', 'x'),
      outcome: 'created',
      reasons: [],
      warnings: [
        { row: 2, field: 'begin_date', kind: 'changed', message: { nl: '', en: '' } },
        { row: 2, field: 'status', kind: 'cleaned', message: { nl: '', en: '' } },
        { row: 2, field: 'goal', kind: 'cleaned', message: { nl: '', en: '' } },
      ],
    }
    const other: RowReport = { ...row, rowNumber: 3, warnings: row.warnings.slice(1, 2) }
    expect(countWarningsByField([row, other], 'cleaned')).toEqual([
      { field: 'status', count: 2 },
      { field: 'goal', count: 1 },
    ])
    expect(countWarningsByField([row, other], 'changed')).toEqual([
      { field: 'begin_date', count: 1 },
    ])
  })
})

describe('progressCounts', () => {
  it('lists the counts so far for the progress bar, in Dutch or English', () => {
    expect(progressCounts({ created: 430, updated: 0, unchanged: 0, rejected: 5 })).toBe(
      'nieuw 430 · bijgewerkt 0 · ongewijzigd 0 · afgewezen 5',
    )
    expect(progressCounts({ created: 1, updated: 1, unchanged: 1, rejected: 1 }, 'en')).toBe(
      'created 1 · updated 1 · unchanged 1 · rejected 1',
    )
  })
})

describe('formatImportSummary', () => {
  it('reports counts, created organisations, reasons, warnings and what was saved', () => {
    const text = formatImportSummary(result())
    expect(text).toContain(
      'Import van noorderhaaks-en.csv (CSV, Engelse labels): 4 rijen in 2,0 s (2,0 rijen/s), op naam van Import Beheerder.',
    )
    expect(text).toContain('  Nieuw:            2\n')
    expect(text).toContain('  Afgewezen:        1\n')
    expect(text).toContain(
      'Organisaties aangemaakt: 2 (bij 1 is de soort "overig" gekozen omdat de naam niets zegt; controleer die).',
    )
    expect(text).toContain('  - website: Website … is geen geldige link. (1 rij: 5)')
    expect(text).toContain(
      'Opgeslagen: 3 beschrijving(en) gepubliceerd als nieuwe versie; 1 rij(en) afgewezen (de andere rijen zijn wel opgeslagen).',
    )
  })

  it('says so when a run changed nothing', () => {
    const text = formatImportSummary(
      result({ counts: { created: 0, updated: 0, unchanged: 4, rejected: 0 }, rows: [] }),
      { language: 'en' },
    )
    expect(text).toContain(
      'Nothing changed: all 4 rows are already exactly like this in the register.',
    )
  })

  it('explains a dry run and a strict run that saved nothing', () => {
    const dry = formatImportSummary(result({ dryRun: true, committed: false }))
    expect(dry).toContain('PROEFDRAAI')
    expect(dry).toContain(
      'Een echte import zou 3 beschrijving(en) publiceren en 1 rij(en) afwijzen.',
    )
    const strict = formatImportSummary(result({ strict: true, committed: false }))
    expect(strict).toContain(
      'STRIKT: er is niets opgeslagen, omdat 1 rij(en) zijn afgewezen. Los die op en importeer opnieuw.',
    )
  })

  it('lists every rejected row and warning with verbose', () => {
    const text = formatImportSummary(result(), { verbose: true })
    expect(text).toContain("  rij 5 ✗ website: Website 'niet openbaar' is geen geldige link.")
  })
})
