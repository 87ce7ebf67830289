import { describe, expect, it } from '@jest/globals'
import { jargon } from '../../../src/plainLanguage/jargon'
import { officialese } from '../../../src/plainLanguage/officialese'

describe('word lists', () => {
  for (const [name, list] of [
    ['officialese', officialese],
    ['jargon', jargon],
  ] as const) {
    it(`${name}: lower-case, unique terms with an alternative`, () => {
      const terms = list.map((entry) => entry.term)
      expect(new Set(terms).size).toBe(terms.length)
      for (const entry of list) {
        expect(entry.term).toBe(entry.term.toLowerCase().trim())
        expect(entry.alternative.length).toBeGreaterThan(1)
      }
    })
  }

  it('has at least 60 officialese entries including the common ones', () => {
    expect(officialese.length).toBeGreaterThanOrEqual(60)
    const alternatives = Object.fromEntries(
      officialese.map((entry) => [entry.term, entry.alternative]),
    )
    expect(alternatives).toMatchObject({
      middels: 'met, door',
      derhalve: 'daarom',
      conform: 'volgens, zoals',
      teneinde: 'om',
      inzake: 'over',
      alsmede: 'en, ook',
      'ten behoeve van': 'voor',
      indien: 'als',
      verstrekken: 'geven',
    })
  })

  it('does not list a term as both officialese and jargon', () => {
    const jargonTerms = new Set(jargon.map((entry) => entry.term))
    expect(officialese.filter((entry) => jargonTerms.has(entry.term))).toEqual([])
  })
})
