import { describe, expect, it } from '@jest/globals'

import { analysePlainLanguage } from '../../../src/plainLanguage/analysePlainLanguage'
import { describeReadability } from '../../../src/plainLanguage/describeReadability'

const HARD =
  'De gemeentelijke organisatie hanteert geautomatiseerde beoordelingsmethodieken teneinde ' +
  'aanvraagprocedures betreffende parkeervoorzieningen efficiënter, consistenter en ' +
  'rechtvaardiger te kunnen afhandelen, waarbij administratieve verwerkingscapaciteit ' +
  'optimaal benut wordt conform geldende beleidsregels en bestuursrechtelijke kaders.'
const EASY =
  'U vraagt een vergunning aan. Wij kijken of u die kunt krijgen. Dat doet een programma. ' +
  'Het kijkt naar uw adres en uw auto. Een medewerker kijkt ook mee. U hoort het snel. ' +
  'Bent u het er niet mee eens? Dan kunt u bezwaar maken.'

describe('describeReadability', () => {
  it('never praises a text with a low score: the band and its score come with the tips', () => {
    const report = analysePlainLanguage(HARD)
    expect(report.level).toBe('moeilijk')
    const verdict = describeReadability(report)
    expect(verdict.tone).toBe('fix')
    expect(verdict.band?.nl).toMatch(/^Moeilijk te lezen \(score \d+,\d van 100\)$/)
    expect(verdict.summary.nl).not.toContain('eenvoudige taal geschreven')
  })

  it('praises only an easy text without tips', () => {
    const report = analysePlainLanguage(EASY)
    expect(report.level).toBe('makkelijk')
    expect(report.findings).toEqual([])
    const verdict = describeReadability(report)
    expect(verdict.tone).toBe('good')
    expect(verdict.band?.nl).toMatch(/^Makkelijk te lezen \(score \d+,\d van 100\)$/)
    expect(verdict.summary.nl).toBe('Geen tips: deze tekst is in eenvoudige taal geschreven.')
  })

  it('gives no score and no praise for a text too short to score', () => {
    const verdict = describeReadability(analysePlainLanguage('Wij kijken naar uw aanvraag.'))
    expect(verdict.tone).toBe('neutral')
    expect(verdict.band).toBeNull()
    expect(verdict.summary.nl).toBe('Geen tips. Een leesbaarheidsscore volgt vanaf 25 woorden.')
  })

  it('counts points to fix and tips with the right singular and plural', () => {
    const report = analysePlainLanguage('Middels dit formulier vraagt u het aan.')
    const verdict = describeReadability(report)
    expect(verdict.tone).toBe('fix')
    expect(verdict.summary.nl).toMatch(/^1 verbeterpunt( en \d+ tips?)?\.$/)
  })
})
