import { describe, it, expect } from '@jest/globals'
import {
  fieldError,
  isEmail,
  isEmailOrUrl,
  isHttpUrl,
  isYearMonth,
  type FieldProblem,
} from '../../../src/standard/validators'
import { STANDARD_KEYS, publicationStandard } from '../../../src/standard/publicationStandard'

describe('isYearMonth', () => {
  it.each(['2023-01', '1900-01', '2199-12', '2024-10'])('accepts %s', (value) => {
    expect(isYearMonth(value)).toBe(true)
  })

  it.each([
    '2023-13',
    '2023-00',
    '1899-12',
    '2200-01',
    '01-2023',
    '2023-1',
    '2023-01 ',
    '2020-Q1',
    '202301',
    '2023-01-15',
    '',
  ])('refuses %j', (value) => {
    expect(isYearMonth(value)).toBe(false)
  })
})

describe('isHttpUrl', () => {
  it.each([
    'https://www.noorderhaaks.nl',
    'https://wetten.overheid.nl/BWBR0003245',
    'http://data.noorderhaaks.nl/containers?wijk=3#kaart',
    'http://localhost:3000/admin',
    'https://127.0.0.1/test',
    'https://xn--noorderhks-r6a.nl/',
    `https://noorderhaaks.nl/${'a'.repeat(500 - 'https://noorderhaaks.nl/'.length)}`,
  ])('accepts %s', (value) => {
    expect(isHttpUrl(value)).toBe(true)
  })

  it.each([
    'ftp://noorderhaaks.nl/bestand',
    'javascript:alert(1)',
    'mailto:algoritmes@noorderhaaks.nl',
    'www.noorderhaaks.nl',
    'https://gemeentenoorderhaaks/hoe-werkt-het',
    'https://noorderhaaks.nl/met spatie',
    ' https://noorderhaaks.nl',
    'https://user:geheim@noorderhaaks.nl',
    'https://-fout.nl',
    'https://a..nl',
    'https://noorderhaaks.123',
    `https://noorderhaaks.nl/${'a'.repeat(501 - 'https://noorderhaaks.nl/'.length)}`,
    '',
  ])('refuses %j', (value) => {
    expect(isHttpUrl(value)).toBe(false)
  })
})

describe('isEmail and isEmailOrUrl', () => {
  it.each(['algoritmes@noorderhaaks.nl', 'a.b+c@post.noorderhaaks.nl', "o'brien@noorderhaaks.nl"])(
    'accepts %s',
    (value) => {
      expect(isEmail(value)).toBe(true)
      expect(isEmailOrUrl(value)).toBe(true)
    },
  )

  it.each([
    'algoritmes@noorderhaaks',
    'datashop@denhaag',
    'a@@noorderhaaks.nl',
    '@noorderhaaks.nl',
    'a b@noorderhaaks.nl',
    'algoritmes@noorderhaaks.nl ',
    'mailto:algoritmes@noorderhaaks.nl',
    'Noorderhaaks <algoritmes@noorderhaaks.nl>',
    '.a@noorderhaaks.nl',
    'a..b@noorderhaaks.nl',
    'Gemeente Noorderhaaks, algoritmes@noorderhaaks.nl',
  ])('refuses %j', (value) => {
    expect(isEmail(value)).toBe(false)
  })

  it('accepts one email address or one link for contact details', () => {
    expect(isEmailOrUrl('https://www.noorderhaaks.nl/contact')).toBe(true)
    expect(isEmailOrUrl('www.noorderhaaks.nl/contact')).toBe(false)
    expect(isEmailOrUrl('Via het formulier: https://www.noorderhaaks.nl/contact')).toBe(false)
    expect(isEmailOrUrl('')).toBe(false)
  })
})

describe('fieldError', () => {
  it('writes the length message with Dutch and English number formats', () => {
    expect(fieldError('goal', 'tooLong', { actual: 2612 })).toEqual({
      nl: 'Doel en impact is te lang: 2.612 tekens, maximaal 2.500 (opmaak niet meegeteld).',
      en: 'Goal and impact is too long: 2,612 characters, at most 2,500 (formatting not counted).',
    })
    expect(fieldError('name', 'tooLong', { actual: 120 })).toEqual({
      nl: 'Naam is te lang: 120 tekens, maximaal 100.',
      en: 'Name is too long: 120 characters, at most 100.',
    })
    expect(fieldError('methods_and_models', 'tooLong', { actual: 12345, max: 5000 }).nl).toBe(
      'Technische werking is te lang: 12.345 tekens, maximaal 5.000 (opmaak niet meegeteld).',
    )
  })

  it('names the part and row of a link list', () => {
    expect(
      fieldError('lawful_basis_grouping', 'tooLong', { part: 'title', item: 2, actual: 120 }),
    ).toEqual({
      nl: 'Titel van wettelijke basis (Verwijzingen wettelijke basis, regel 2) is te lang: 120 tekens, maximaal 100.',
      en: 'Title of legal basis (Legal basis references, row 2) is too long: 120 characters, at most 100.',
    })
    expect(fieldError('source_data_grouping', 'required', { part: 'link', item: 1 }).nl).toBe(
      'Link naar gegevensbron (Verwijzingen gegevensbronnen, regel 1) is verplicht. Vul dit veld in.',
    )
  })

  it('says a field is required', () => {
    expect(fieldError('name', 'required')).toEqual({
      nl: 'Naam is verplicht. Vul dit veld in.',
      en: 'Name is required. Please fill it in.',
    })
  })

  it('lists the permitted values in the reader’s language', () => {
    expect(fieldError('status', 'notPermitted', { value: 'Actief' })).toEqual({
      nl: 'Status: ‘Actief’ is geen toegestane waarde. Kies uit: In ontwikkeling, In gebruik, Buiten gebruik.',
      en: 'Status: ‘Actief’ is not a permitted value. Choose from: In development, In use, Out of use.',
    })
    expect(fieldError('publication_category', 'notPermitted').en).toBe(
      'Publication category has a value that is not permitted. Choose from: High-Risk AI-system, Impactful algorithms, Other algorithms.',
    )
  })

  it('explains bad links, contact details and months', () => {
    expect(fieldError('website', 'badUrl').nl).toMatch(
      /^Link naar publiekspagina is geen geldige link\. .*https:\/\//,
    )
    expect(fieldError('website', 'badUrl').en).toMatch(/^Link to public page is not a valid link\./)
    expect(fieldError('contact_email', 'badEmailOrUrl').nl).toMatch(
      /^Contactgegevens is geen geldig e-mailadres en geen geldige link\./,
    )
    expect(fieldError('begin_date', 'badYearMonth')).toEqual({
      nl: 'Begindatum is geen geldige maand. Schrijf eerst het jaar en dan de maand, zoals 2023-01.',
      en: 'Start date is not a valid month. Write the year first and then the month, such as 2023-01.',
    })
  })

  it('lists disallowed formatting in words editors know', () => {
    const found = ['<script>', 'attribuut onclick', 'commentaar', 'heading', 'javascript:']
    expect(fieldError('risks', 'disallowedHtml', { found })).toEqual({
      nl: 'Risicobeheer bevat opmaak die niet is toegestaan: <script>, attribuut onclick, commentaar, kop, javascript:. Gebruik alleen alinea’s, regeleinden en opsommingen.',
      en: 'Risk management contains formatting that is not allowed: <script>, attribute onclick, comment, heading, javascript:. Use only paragraphs, line breaks and lists.',
    })
    expect(
      fieldError('goal', 'disallowedHtml', { found: ['ongeldige structuur: geen root'] }).en,
    ).toContain('invalid structure: no root')
  })

  it('says when the end date lies before the start date', () => {
    expect(fieldError('end_date', 'endBeforeBegin', { begin: '2023-01', end: '2022-12' })).toEqual({
      nl: 'Einddatum (2022-12) ligt vóór de begindatum (2023-01). Pas een van beide aan.',
      en: 'End date (2022-12) is before the start date (2023-01). Please change one of them.',
    })
  })

  it('says which markup a plain-text field refused', () => {
    expect(fieldError('name', 'markup', { found: ['<script'] })).toEqual({
      nl: 'Naam bevat opmaak (<script). Dit veld is platte tekst: zet geen < direct voor een letter, /, ! of ?.',
      en: 'Name contains markup (<script). This field is plain text: do not put < directly before a letter, /, ! or ?.',
    })
  })

  it('starts every message with the field’s title, in both languages', () => {
    const problems: FieldProblem[] = [
      'tooLong',
      'required',
      'notPermitted',
      'badUrl',
      'badEmailOrUrl',
      'badYearMonth',
      'disallowedHtml',
      'markup',
      'endBeforeBegin',
    ]
    for (const key of STANDARD_KEYS) {
      for (const problem of problems) {
        const { nl, en } = fieldError(key, problem, { actual: 10, found: ['<b>'] })
        expect(nl.startsWith(publicationStandard[key].title.nl)).toBe(true)
        expect(en.startsWith(publicationStandard[key].title.en)).toBe(true)
        expect(nl).not.toBe(en)
        expect(nl.endsWith('.')).toBe(true)
      }
    }
  })
})
