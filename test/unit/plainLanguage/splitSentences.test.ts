import { describe, expect, it } from '@jest/globals'
import { splitSentences } from '../../../src/plainLanguage/splitSentences'

describe('splitSentences', () => {
  it('keeps "bijv. een aanvraag" in one sentence', () => {
    expect(splitSentences('U kunt bijv. een aanvraag doen via de website.')).toEqual([
      'U kunt bijv. een aanvraag doen via de website.',
    ])
  })

  it('never ends a sentence after an abbreviation that is always followed by more', () => {
    const abbreviations = [
      'bijv.',
      'bv.',
      'o.a.',
      'd.w.z.',
      'm.b.t.',
      't.a.v.',
      'nr.',
      'art.',
      'blz.',
      'ca.',
      'incl.',
      'excl.',
      'i.p.v.',
      'mr.',
      'dhr.',
      'mevr.',
    ]
    for (const abbreviation of abbreviations) {
      // A capital or a number after the abbreviation would end a normal sentence.
      const text = `Wij sturen ${abbreviation} Noorderhaaks 12 brieven. Daarna bellen wij.`
      expect({ abbreviation, sentences: splitSentences(text) }).toEqual({
        abbreviation,
        sentences: [`Wij sturen ${abbreviation} Noorderhaaks 12 brieven.`, 'Daarna bellen wij.'],
      })
    }
  })

  it('keeps abbreviations that may end a sentence inside it when a lower-case word follows', () => {
    for (const abbreviation of ['e.d.', 'enz.', 'etc.', 'jl.', 'z.s.m.']) {
      const text = `Wij kijken naar inkomen ${abbreviation} en sturen een brief.`
      expect(splitSentences(text)).toEqual([text])
    }
  })

  it('ends a sentence after "enz." and "z.s.m." when a capital follows', () => {
    expect(
      splitSentences('Wij kijken naar inkomen, woonsituatie enz. Daarna besluiten wij.'),
    ).toEqual(['Wij kijken naar inkomen, woonsituatie enz.', 'Daarna besluiten wij.'])
    expect(splitSentences('Wij betalen het bedrag z.s.m. U krijgt een brief.')).toEqual([
      'Wij betalen het bedrag z.s.m.',
      'U krijgt een brief.',
    ])
  })

  it('does not split initials, decimals, web addresses or e-mail addresses', () => {
    expect(
      splitSentences(
        'Mr. J. de Vries beslist. De heffing stijgt met 1.5 procent of 2,5 euro. ' +
          'Kijk op www.noorderhaaks.nl/parkeren. Of mail naar info@noorderhaaks.nl. Wij helpen u!',
      ),
    ).toEqual([
      'Mr. J. de Vries beslist.',
      'De heffing stijgt met 1.5 procent of 2,5 euro.',
      'Kijk op www.noorderhaaks.nl/parkeren.',
      'Of mail naar info@noorderhaaks.nl.',
      'Wij helpen u!',
    ])
  })

  it('splits on question marks and treats every line as its own sentence', () => {
    expect(
      splitSentences('Bent u het niet eens? Maak dan bezwaar.\nuw inkomen\n\nuw adres'),
    ).toEqual(['Bent u het niet eens?', 'Maak dan bezwaar.', 'uw inkomen', 'uw adres'])
  })

  it('joins a list number to the item it numbers', () => {
    expect(splitSentences('1. Vul het formulier in. 2. Stuur het op.')).toEqual([
      '1. Vul het formulier in.',
      '2. Stuur het op.',
    ])
  })

  it('joins what Unicode sentence rules split after an abbreviation in brackets or an initial', () => {
    expect(
      splitSentences(
        'Wij sturen brieven (bijv.) Noorderhaaks krijgt er 12. Prof. A. Jansen tekent.',
      ),
    ).toEqual(['Wij sturen brieven (bijv.) Noorderhaaks krijgt er 12.', 'Prof. A. Jansen tekent.'])
  })
})
