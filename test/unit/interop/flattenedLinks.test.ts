import { describe, expect, it } from '@jest/globals'
import { flattenLinks, parseFlattenedLinks } from '../../../src/interop/flattenedLinks'

describe('flattenLinks', () => {
  it('numbers items as "N: title, link" joined by ". " without a final period', () => {
    expect(
      flattenLinks([
        { title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl/BWBR0006622' },
        { title: 'Gemeentewet', link: 'https://wetten.overheid.nl/BWBR0005416' },
      ]),
    ).toBe(
      '1: Wegenverkeerswet 1994, https://wetten.overheid.nl/BWBR0006622. ' +
        '2: Gemeentewet, https://wetten.overheid.nl/BWBR0005416',
    )
  })

  it('writes an item without a link without the comma, like the national export', () => {
    expect(
      flattenLinks([
        { title: 'Data Protection Impact Assessment (DPIA)', link: '' },
        { title: 'IAMA', link: 'https://noorderhaaks.nl/iama' },
      ]),
    ).toBe('1: Data Protection Impact Assessment (DPIA). 2: IAMA, https://noorderhaaks.nl/iama')
  })

  it('trims, writes a link-only item as the link, and drops empty items', () => {
    expect(
      flattenLinks([
        { title: '  ', link: '' },
        { title: '', link: 'https://noorderhaaks.nl/a' },
        { title: ' Afvalkalender ', link: ' https://noorderhaaks.nl/b ' },
      ]),
    ).toBe('1: https://noorderhaaks.nl/a. 2: Afvalkalender, https://noorderhaaks.nl/b')
    expect(flattenLinks([])).toBe('')
  })
})

describe('parseFlattenedLinks', () => {
  it('reads an empty cell as no items', () => {
    expect(parseFlattenedLinks('  ')).toEqual({ items: [], warnings: [] })
  })

  it('keeps commas, periods and numbers in titles when a web address follows', () => {
    const text =
      '1: Artikelen 172, derde lid, 174a en 175 van de Gemeentewet, https://wetten.overheid.nl/BWBR0005416. ' +
      '2: Verordening (EU) nr. 2016/679, https://eur-lex.europa.eu/eli/reg/2016/679. ' +
      '3: Hoofdstuk 6: handhaving, artikel 3.2, https://noorderhaaks.nl/regels'
    const result = parseFlattenedLinks(text)
    expect(result.items).toEqual([
      {
        title: 'Artikelen 172, derde lid, 174a en 175 van de Gemeentewet',
        link: 'https://wetten.overheid.nl/BWBR0005416',
      },
      {
        title: 'Verordening (EU) nr. 2016/679',
        link: 'https://eur-lex.europa.eu/eli/reg/2016/679',
      },
      { title: 'Hoofdstuk 6: handhaving, artikel 3.2', link: 'https://noorderhaaks.nl/regels' },
    ])
    expect(result.warnings).toEqual([])
  })

  it('keeps commas inside links', () => {
    const result = parseFlattenedLinks(
      '1: Parkeerbesluit, https://noorderhaaks.nl/besluit?a=1,2&b=3, https://noorderhaaks.nl/kaart',
    )
    expect(result.items).toEqual([
      {
        title: 'Parkeerbesluit',
        link: 'https://noorderhaaks.nl/besluit?a=1,2&b=3, https://noorderhaaks.nl/kaart',
      },
    ])
  })

  it('reads items without a link', () => {
    const result = parseFlattenedLinks('1: Betaalhistorie. 2: BRP, https://www.rvig.nl/brp. 3: RDW')
    expect(result.items).toEqual([
      { title: 'Betaalhistorie', link: '' },
      { title: 'BRP', link: 'https://www.rvig.nl/brp' },
      { title: 'RDW', link: '' },
    ])
    expect(result.warnings).toEqual([])
  })

  it('splits a source name "link" at the first comma outside brackets', () => {
    const result = parseFlattenedLinks(
      '1: Aangiftegegevens (fiscaalnummer en diverse aangifte-, aanslaggegevens), Belastingdienst. ' +
        '2: Identificerende gegevens (o.m. BSN), Basisregistratie Personen (BRP)',
    )
    expect(result.items).toEqual([
      {
        title: 'Aangiftegegevens (fiscaalnummer en diverse aangifte-, aanslaggegevens)',
        link: 'Belastingdienst',
      },
      { title: 'Identificerende gegevens (o.m. BSN)', link: 'Basisregistratie Personen (BRP)' },
    ])
    expect(result.warnings).toEqual([])
  })

  it('warns when the split without a web address is a guess', () => {
    const result = parseFlattenedLinks(
      '1: DPIA checklist, Prescan gedaan, geen DPIA nodig. 2: IAMA, https://noorderhaaks.nl/iama',
    )
    expect(result.items[0]).toEqual({
      title: 'DPIA checklist',
      link: 'Prescan gedaan, geen DPIA nodig',
    })
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0].nl).toContain('item 1')
    expect(result.warnings[0].en).toContain('first comma')
  })

  it('swaps title and link back when the link was typed in the title box, with one warning', () => {
    const result = parseFlattenedLinks(
      '1: https://wetten.overheid.nl/BWBR0007286, Wet voorkoming misbruik chemicaliën. ' +
        '2: https://wetten.overheid.nl/BWBR0023746 , Algemene douanewet',
    )
    expect(result.items).toEqual([
      {
        title: 'Wet voorkoming misbruik chemicaliën',
        link: 'https://wetten.overheid.nl/BWBR0007286',
      },
      { title: 'Algemene douanewet', link: 'https://wetten.overheid.nl/BWBR0023746' },
    ])
    expect(result.warnings).toEqual([
      {
        nl: 'Bij items 1, 2 stond de link op de plaats van de titel. We hebben titel en link omgewisseld. Controleer dit.',
        en: 'In items 1, 2 the link was in the place of the title. Title and link were swapped. Please check.',
      },
    ])
  })

  it('reads a lone web address as a link without a title', () => {
    const result = parseFlattenedLinks('1: https://noorderhaaks.nl/a')
    expect(result.items).toEqual([{ title: '', link: 'https://noorderhaaks.nl/a' }])
    expect(result.warnings[0].en).toBe('In item 1 there is a link but no title.')
  })

  it('only starts a new item at the next number, so ". 5: " inside item 1 is text', () => {
    const result = parseFlattenedLinks('1: Regel 4. 5: uitzondering, https://noorderhaaks.nl/x')
    expect(result.items).toEqual([
      { title: 'Regel 4. 5: uitzondering', link: 'https://noorderhaaks.nl/x' },
    ])
  })

  it('tolerates extra spaces and keeps a period that belongs to the last link', () => {
    const result = parseFlattenedLinks(
      '1:   Grondslag TVL,  https://wetten.overheid.nl/BWBR0044808. 2:  Wet, www.noorderhaaks.nl/wet.',
    )
    expect(result.items).toEqual([
      { title: 'Grondslag TVL', link: 'https://wetten.overheid.nl/BWBR0044808' },
      { title: 'Wet', link: 'www.noorderhaaks.nl/wet.' },
    ])
  })

  it('reads text that is not numbered as one item, with a warning', () => {
    const result = parseFlattenedLinks('Wegenverkeerswet, https://wetten.overheid.nl/BWBR0006622')
    expect(result.items).toEqual([
      { title: 'Wegenverkeerswet', link: 'https://wetten.overheid.nl/BWBR0006622' },
    ])
    expect(result.warnings[0].nl).toContain('niet genummerd')
  })

  it('gives back the same text after flattening well-formed values', () => {
    const values = [
      '1: Wegenverkeerswet 1994, https://wetten.overheid.nl/BWBR0006622',
      '1: Data Protection Impact Assessment (DPIA). 2: IAMA, https://noorderhaaks.nl/iama',
      '1: Regeling Participatiewet, Ioaw, Ioaz, https://wetten.overheid.nl/BWBR0015738/2024-06-01/0',
      '1: Persoonsgegevens, Basisregistratie Personen (BRP). 2: Betaalhistorie. 3: CBS, https://cbs.nl/',
    ]
    for (const value of values) expect(flattenLinks(parseFlattenedLinks(value).items)).toBe(value)
  })
})
