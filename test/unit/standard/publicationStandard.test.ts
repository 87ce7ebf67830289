import { describe, it, expect } from '@jest/globals'
import {
  CATEGORY_VALUES,
  LANG_VALUES,
  PUBLIC_FIELD_KEYS,
  PUBLICATION_CATEGORY_VALUES,
  STANDARD_KEYS,
  STANDARD_VERSION,
  STATUS_VALUES,
  publicationStandard,
  resolvePermittedValue,
  type FieldKind,
} from '../../../src/standard/publicationStandard'

// Facts of standard 1.0, written out by hand so that a change to the module is noticed.
const expected: readonly (readonly [
  key: string,
  nl: string,
  kind: FieldKind,
  required: boolean,
  maxLength: number | null,
  showAlways: boolean | null,
])[] = [
  ['name', 'Naam', 'text', true, 100, true],
  ['description_short', 'Korte omschrijving', 'text', true, 400, true],
  ['organization', 'Organisatienaam', 'organisation', true, 100, true],
  ['category', 'Thema', 'multiEnum', false, null, true],
  ['status', 'Status', 'enum', true, null, true],
  ['begin_date', 'Begindatum', 'yearMonth', false, 7, true],
  ['end_date', 'Einddatum', 'yearMonth', false, 7, false],
  ['contact_email', 'Contactgegevens', 'emailOrUrl', true, 500, true],
  ['website', 'Link naar publiekspagina', 'url', false, 500, false],
  ['publication_category', 'Publicatiecategorie', 'enum', true, null, true],
  ['url', 'Link naar bronregistratie', 'url', false, 500, false],
  ['goal', 'Doel en impact', 'richText', false, 2500, true],
  ['proportionality', 'Afwegingen', 'richText', false, 2500, true],
  ['human_intervention', 'Menselijke tussenkomst', 'richText', false, 2500, true],
  ['risks', 'Risicobeheer', 'richText', false, 2500, true],
  ['lawful_basis', 'Wettelijke basis', 'richText', false, 2500, false],
  ['lawful_basis_grouping', 'Verwijzingen wettelijke basis', 'links', false, null, false],
  ['process_index_url', 'Link naar verwerkingsregister', 'url', false, 500, false],
  ['impacttoetsen_grouping', 'Impacttoetsen', 'links', false, null, false],
  ['impacttoetsen', 'Toelichting op impacttoetsen', 'richText', false, 2500, false],
  ['source_data', 'Gegevens', 'richText', false, 2500, true],
  ['source_data_grouping', 'Verwijzingen gegevensbronnen', 'links', false, null, false],
  ['methods_and_models', 'Technische werking', 'richText', false, 5000, false],
  ['provider', 'Leverancier', 'text', false, 200, false],
  ['publiccode', 'Link naar broncode', 'url', false, 500, false],
  ['lang', 'Taal', 'enum', true, null, false],
  ['standard_version', 'Versie publicatiestandaard', 'enum', false, null, false],
  ['source_id', 'Bron-ID', 'text', false, 100, false],
  ['tags', 'Zoektermen', 'richText', false, 2500, false],
  ['lars', 'Algoritme-ID', 'system', false, null, null],
  ['publication_dt', 'Publicatie datum', 'system', false, null, null],
]

describe('publicationStandard', () => {
  it('has every key of standard 1.0 in the standard’s order', () => {
    expect(STANDARD_VERSION).toBe('1.0')
    expect(STANDARD_KEYS).toEqual(expected.map(([key]) => key))
    expect(Object.keys(publicationStandard)).toEqual([...STANDARD_KEYS])
  })

  it.each(expected)('%s matches the standard', (key, nl, kind, required, maxLength, showAlways) => {
    const definition = publicationStandard[key as (typeof STANDARD_KEYS)[number]]
    expect(definition).toMatchObject({ key, kind, required, maxLength, showAlways })
    expect(definition.title.nl).toBe(nl)
    expect(definition.title.en.length).toBeGreaterThan(1)
  })

  it('gives English titles, e.g. Goal and impact', () => {
    expect(publicationStandard.goal.title.en).toBe('Goal and impact')
    expect(publicationStandard.lars.title.en).toBe('Algorithm ID')
  })

  it('lists the permitted values exactly', () => {
    expect(STATUS_VALUES).toEqual(['In ontwikkeling', 'In gebruik', 'Buiten gebruik'])
    expect(PUBLICATION_CATEGORY_VALUES).toEqual([
      'Hoog-risico AI-systeem',
      'Impactvolle algoritmes',
      'Overige algoritmes',
    ])
    expect(CATEGORY_VALUES).toHaveLength(16)
    expect(CATEGORY_VALUES[0]).toBe('Organisatie en bedrijfsvoering')
    expect(CATEGORY_VALUES).toContain('Overheidsfinanciën')
    expect(LANG_VALUES).toEqual(['nld'])
    const valuesOf = (key: 'status' | 'publication_category' | 'category' | 'lang') =>
      publicationStandard[key].permittedValues?.map((option) => option.value)
    expect(valuesOf('status')).toEqual([...STATUS_VALUES])
    expect(valuesOf('publication_category')).toEqual([...PUBLICATION_CATEGORY_VALUES])
    expect(valuesOf('category')).toEqual([...CATEGORY_VALUES])
    expect(valuesOf('lang')).toEqual([...LANG_VALUES])
    expect(publicationStandard.standard_version.permittedValues?.map((o) => o.value)).toEqual([
      '1.0',
    ])
  })

  it('uses the English labels of the national register’s English export', () => {
    const en = (key: 'status' | 'publication_category' | 'category', value: string) =>
      publicationStandard[key].permittedValues?.find((option) => option.value === value)?.en
    expect(en('status', 'In gebruik')).toBe('In use')
    expect(en('status', 'In ontwikkeling')).toBe('In development')
    expect(en('status', 'Buiten gebruik')).toBe('Out of use')
    expect(en('publication_category', 'Hoog-risico AI-systeem')).toBe('High-Risk AI-system')
    expect(en('publication_category', 'Impactvolle algoritmes')).toBe('Impactful algorithms')
    expect(en('publication_category', 'Overige algoritmes')).toBe('Other algorithms')
    expect(en('category', 'Sociale zekerheid')).toBe('Social Security')
    expect(en('category', 'Wonen')).toBe('Living')
    expect(en('category', 'Ruimte en infrastructuur')).toBe('Space and Infrastructure')
    expect(en('category', 'Zorg en gezondheid')).toBe('Health and Healthcare')
  })

  it('resolves import labels to the stored Dutch value', () => {
    expect(resolvePermittedValue('category', 'Social Security')).toBe('Sociale zekerheid')
    expect(resolvePermittedValue('category', ' Space and Infrastructure')).toBe(
      'Ruimte en infrastructuur',
    )
    expect(resolvePermittedValue('category', 'housing')).toBe('Wonen')
    expect(resolvePermittedValue('category', 'Overheidsfinanciën')).toBe('Overheidsfinanciën')
    expect(resolvePermittedValue('status', 'in  use')).toBe('In gebruik')
    expect(resolvePermittedValue('status', 'In gebruik')).toBe('In gebruik')
    expect(resolvePermittedValue('publication_category', 'HIGH-RISK AI-SYSTEM')).toBe(
      'Hoog-risico AI-systeem',
    )
    expect(resolvePermittedValue('standard_version', '1.0.0')).toBe('1.0')
    expect(resolvePermittedValue('lang', 'nld')).toBe('nld')
    expect(resolvePermittedValue('status', 'Actief')).toBeNull()
    expect(resolvePermittedValue('status', '   ')).toBeNull()
    expect(resolvePermittedValue('name', 'In use')).toBeNull()
  })

  it('defines the items of the three link lists', () => {
    expect(publicationStandard.lawful_basis_grouping.items).toMatchObject({
      title: { required: true, maxLength: 100, title: { nl: 'Titel van wettelijke basis' } },
      link: { required: true, maxLength: 500, title: { nl: 'Link naar wettelijke basis' } },
    })
    expect(publicationStandard.impacttoetsen_grouping.items).toMatchObject({
      title: { required: true, maxLength: null, title: { nl: 'Titel van impacttoets' } },
      link: { required: false, maxLength: 500, title: { nl: 'Link naar impacttoets' } },
    })
    expect(publicationStandard.impacttoetsen_grouping.items?.title.recommendedValues).toHaveLength(
      11,
    )
    expect(publicationStandard.impacttoetsen_grouping.items?.title.recommendedValues).toContain(
      'Data Protection Impact Assessment (DPIA)',
    )
    expect(publicationStandard.source_data_grouping.items).toMatchObject({
      title: { required: true, maxLength: 500 },
      link: { required: true, maxLength: 500 },
    })
    expect(publicationStandard.name.items).toBeNull()
  })

  it('allows only div, br, p, ul, ol and li in long texts', () => {
    for (const key of STANDARD_KEYS) {
      const definition = publicationStandard[key]
      if (definition.kind === 'richText') {
        expect(definition.allowedHtmlTags).toEqual(['div', 'br', 'p', 'ul', 'ol', 'li'])
      } else {
        expect(definition.allowedHtmlTags).toBeNull()
      }
    }
  })

  it('marks the fields where plain language is required', () => {
    const required = STANDARD_KEYS.filter((key) => publicationStandard[key].plainLanguageRequired)
    expect(required).toEqual(['description_short', 'goal', 'proportionality', 'human_intervention'])
  })

  it('has short help texts in Dutch and English for every field and item part', () => {
    const sentenceEnds = (text: string) => (text.match(/[.?!](\s|$)/g) ?? []).length
    const texts = STANDARD_KEYS.flatMap((key) => {
      const { help, items } = publicationStandard[key]
      return items ? [help, items.title.help, items.link.help] : [help]
    })
    expect(texts.length).toBe(STANDARD_KEYS.length + 6)
    for (const help of texts) {
      expect(help.nl.length).toBeGreaterThan(20)
      expect(help.en.length).toBeGreaterThan(20)
      expect(help.nl).not.toBe(help.en)
      expect(sentenceEnds(help.nl)).toBeLessThanOrEqual(3)
    }
  })

  it('is read-only at run time', () => {
    expect(Object.isFrozen(publicationStandard)).toBe(true)
    expect(Object.isFrozen(publicationStandard.status.permittedValues)).toBe(true)
    expect(() => {
      ;(publicationStandard.name as { required: boolean }).required = false
    }).toThrow(TypeError)
    expect(publicationStandard.name.required).toBe(true)
  })

  it('lists the publicly shown fields without the metadata lars and publication_dt', () => {
    expect(PUBLIC_FIELD_KEYS).toHaveLength(29)
    expect(PUBLIC_FIELD_KEYS).not.toContain('lars')
    expect(PUBLIC_FIELD_KEYS).not.toContain('publication_dt')
    expect(PUBLIC_FIELD_KEYS[0]).toBe('name')
    expect(PUBLIC_FIELD_KEYS.at(-1)).toBe('tags')
  })
})
