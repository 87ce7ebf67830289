import { describe, expect, it } from '@jest/globals'

import { measureLength, analysableText } from '../../../src/admin/fields/measureText'
import { wordDiff } from '../../../src/admin/compare/wordDiff'
import { presentValue } from '../../../src/admin/compare/presentValue'
import { describeEdit, fieldTitle } from '../../../src/admin/workflow/describeEdit'
import {
  othersOnly,
  publishedDescriptionsOf,
} from '../../../src/admin/templates/publishedDescriptions'
import { adminLanguageOf, formatDateTime, pickText } from '../../../src/admin/i18n/pickText'
import { htmlToLexical } from '../../../src/standard/richText'

describe('measureLength', () => {
  it('counts plain text as typed, as the validator does', () => {
    expect(measureLength('Een korte zin.')).toBe(14)
  })

  it('counts tags without their HTML when asked', () => {
    expect(measureLength('<p>parkeren</p>', 'withoutHtml')).toBe(8)
    expect(measureLength('<p>parkeren</p>')).toBe(15)
  })

  it('counts rich text as the characters typed, line breaks excluded', () => {
    const value = htmlToLexical('<p>Eén zin.</p><ul><li>punt</li></ul>')
    expect(measureLength(value)).toBe('Eén zin.'.length + 'punt'.length)
  })

  it('gives 0 for empty and unknown values', () => {
    expect(measureLength(null)).toBe(0)
    expect(measureLength(undefined)).toBe(0)
    expect(measureLength(42)).toBe(0)
  })

  it('turns rich text into HTML for the plain-language check', () => {
    expect(analysableText(htmlToLexical('<p>Hallo.</p>'))).toBe('<p>Hallo.</p>')
    expect(analysableText('tekst')).toBe('tekst')
    expect(analysableText(null)).toBe('')
  })
})

describe('wordDiff', () => {
  it('marks added words and keeps the rest', () => {
    expect(wordDiff('u kunt bezwaar maken', 'u kunt binnen zes weken bezwaar maken')).toEqual([
      { kind: 'same', text: 'u kunt ' },
      { kind: 'added', text: 'binnen zes weken ' },
      { kind: 'same', text: 'bezwaar maken' },
    ])
  })

  it('marks removed and added words of a replacement', () => {
    const parts = wordDiff('de auto rijdt', 'de fiets rijdt')
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['auto'])
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['fiets'])
  })

  it('handles empty sides', () => {
    expect(wordDiff('', 'nieuw')).toEqual([{ kind: 'added', text: 'nieuw' }])
    expect(wordDiff('oud', '')).toEqual([{ kind: 'removed', text: 'oud' }])
    expect(wordDiff('', '')).toEqual([])
  })
})

describe('presentValue', () => {
  it('shows HTML as text, one block per line, never as markup', () => {
    expect(presentValue('<p>Eerste.</p><p>Tweede <b>vet</b>.</p>')).toBe('Eerste.\nTweede vet.')
  })

  it('shows links as title – link and lists one per line', () => {
    expect(presentValue([{ title: 'Wet', link: 'https://wetten.overheid.nl' }])).toBe(
      'Wet – https://wetten.overheid.nl',
    )
    expect(presentValue(['Verkeer', 'Zorg'])).toBe('Verkeer\nZorg')
  })

  it('shows empty values as empty text', () => {
    expect(presentValue(null)).toBe('')
    expect(presentValue(undefined)).toBe('')
  })
})

describe('describeEdit', () => {
  it('names the fields an editor knows, in the admin language', () => {
    expect(describeEdit('Naam gewijzigd (description_short, goal)', 'nl')).toBe(
      'Korte omschrijving, Doel en impact',
    )
    expect(describeEdit('Naam gewijzigd (description_short)', 'en')).toBe('Short description')
  })

  it('leaves out system fields and says null when nothing is left', () => {
    expect(
      describeEdit('Naam gewijzigd (workflow.state, workflow.versionEditors)', 'nl'),
    ).toBeNull()
    expect(describeEdit('Naam aangemaakt', 'nl')).toBeNull()
  })

  it('knows the nested EU AI Act fields of the public record', () => {
    expect(fieldTitle('eu_ai_act.fria_summary', 'nl')).toBe('Samenvatting FRIA')
    expect(fieldTitle('unknown_field', 'nl')).toBeNull()
  })
})

describe('publishedDescriptionsOf', () => {
  it('reads the public API list and skips entries without id or name', () => {
    expect(
      publishedDescriptionsOf({
        results: [
          {
            lars: '12345678',
            name: 'Subsidies sorteren',
            organization: 'Provincie',
            organisationCode: 'pv99',
            description_short: 'Kort.',
          },
          { lars: '', name: 'Zonder id' },
        ],
      }),
    ).toEqual([
      {
        lars: '12345678',
        name: 'Subsidies sorteren',
        organisation: 'Provincie',
        organisationCode: 'pv99',
        summary: 'Kort.',
      },
    ])
  })

  it("leaves out the person's own organisations and keeps the limit", () => {
    const of = (lars: string, organisationCode: string | null) => ({
      lars,
      name: `Beschrijving ${lars}`,
      organisation: null,
      organisationCode,
      summary: null,
    })
    const all = [of('1', 'gm1'), of('2', 'gm2'), of('3', null), of('4', 'gm3'), of('5', 'gm2')]
    expect(othersOnly(all, ['gm2'], 10).map((d) => d.lars)).toEqual(['1', '3', '4'])
    expect(othersOnly(all, [], 2).map((d) => d.lars)).toEqual(['1', '2'])
  })

  it('gives an empty list for an answer without a list', () => {
    expect(publishedDescriptionsOf({ title: 'Niet gevonden' })).toEqual([])
    expect(publishedDescriptionsOf(null)).toEqual([])
  })
})

describe('pickText and dates', () => {
  it('is Dutch unless English was chosen', () => {
    expect(adminLanguageOf('en')).toBe('en')
    expect(adminLanguageOf('de')).toBe('nl')
    expect(adminLanguageOf(undefined)).toBe('nl')
    expect(pickText('nl', { nl: 'Opslaan', en: 'Save' })).toBe('Opslaan')
  })

  it('writes dates in Amsterdam time', () => {
    expect(formatDateTime('2026-11-23T11:45:00.000Z', 'nl')).toBe('23 november 2026 om 12:45')
    expect(formatDateTime('not a date', 'nl')).toBe('')
  })
})
