import { describe, expect, it } from '@jest/globals'
import { countSyllables } from '../../../src/plainLanguage/countSyllables'

describe('countSyllables', () => {
  const expected: Record<string, number> = {
    bijvoorbeeld: 3, // bij-voor-beeld: ij, oo, ee
    gemeente: 3, // ge-meen-te
    parkeervergunning: 5, // par-keer-ver-gun-ning
    aanvraag: 2, // aan-vraag
    informatie: 4, // in-for-ma-tie: "ie" is one sound
    uitkering: 3, // uit-ke-ring: "ui" is one sound
    nieuw: 1, // "ieu" is one sound
    huis: 1,
    sociaal: 3, // so-ci-aal: "ia" is split
    actueel: 3, // ac-tu-eel: "ue" is split
    realisatie: 5, // re-a-li-sa-tie: "ea" is split
    frequentie: 3, // fre-quen-tie: "qu" is "kw"
    geautomatiseerd: 6, // ge-au-to-ma-ti-seerd, not the French "eau"
    taalniveau: 3, // taal-ni-veau: French "eau"
    België: 3, // the trema starts a syllable
    geïnformeerd: 4, // ge-ïn-for-meerd
    ideeën: 3, // i-dee-ën
    uitkeringsgerechtigde: 7,
    'WOZ-waarde': 5, // W-O-Z spelled out, waar-de
    software: 2, // loanword exception
    "auto's": 2,
  }

  for (const [word, syllables] of Object.entries(expected)) {
    it(`counts ${syllables} for "${word}"`, () => {
      expect(countSyllables(word)).toBe(syllables)
    })
  }

  it('returns 0 without letters and at least 1 with a letter', () => {
    expect(countSyllables('')).toBe(0)
    expect(countSyllables('2024')).toBe(0)
    expect(countSyllables('st')).toBe(1)
  })
})
