/**
 * Fictional records of Gemeente Noorderhaaks, written for these tests in the shape of the national
 * export. The LARS ids are made up and carry a correct check digit.
 */

import { NATIONAL_CSV_HEADER } from '../../../src/interop/nationalCsvColumns'

/** Valid made-up LARS ids (check digit computed by hand). */
export const LARS = {
  verkeer: '12345670',
  parkeren: '24681357',
  afval: '11111115',
} as const

/** A complete English-label row, as the English national export writes it. */
export function englishRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Slimme verkeerslichten Ringweg',
    organization: 'Gemeente Noorderhaaks',
    description_short: 'Sensoren in het wegdek laten het verkeer op de Ringweg beter doorstromen.',
    category: 'Traffic, Space and Infrastructure',
    website: 'https://www.noorderhaaks.nl/verkeerslichten',
    status: 'In use',
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
    publication_category: 'Impactful algorithms',
    lawful_basis_grouping: '1: Wegenverkeerswet 1994, https://wetten.overheid.nl/BWBR0006622',
    impacttoetsen_grouping: '1: Data Protection Impact Assessment (DPIA)',
    source_data_grouping: '',
    algorithm_id: LARS.verkeer,
    ...overrides,
  }
}

/** The same record with Dutch labels and without `algorithm_id`, like the Dutch export. */
export function dutchRow(overrides: Record<string, string> = {}): Record<string, string> {
  const row = englishRow({
    category: 'Verkeer, Ruimte en infrastructuur',
    status: 'In gebruik',
    publication_category: 'Impactvolle algoritmes',
  })
  delete row.algorithm_id
  return { ...row, ...overrides }
}

/** Cells of a row in national header order. */
export function cellsOf(row: Record<string, string>): string[] {
  return NATIONAL_CSV_HEADER.map((column) => row[column] ?? '')
}
