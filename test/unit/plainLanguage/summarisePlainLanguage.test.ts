import { describe, expect, it } from '@jest/globals'
import { analysePlainLanguage } from '../../../src/plainLanguage/analysePlainLanguage'
import { summarisePlainLanguage } from '../../../src/plainLanguage/summarisePlainLanguage'

describe('summarisePlainLanguage', () => {
  it('counts warnings and infos and names the fields with warnings', () => {
    const summary = summarisePlainLanguage({
      // One officialese warning ("middels").
      beschrijving: analysePlainLanguage('Wij berekenen de WOZ-waarde middels een rekenmodel.'),
      // One jargon info ("model") and one passive info ("berekend").
      doel: analysePlainLanguage('De WOZ-waarde wordt berekend met een model.'),
      // Nothing to report.
      naam: analysePlainLanguage('WOZ-waarde'),
    })
    expect(summary).toEqual({ warnings: 1, infos: 2, fields: ['beschrijving'] })
  })

  it('returns zeros for no reports', () => {
    expect(summarisePlainLanguage({})).toEqual({ warnings: 0, infos: 0, fields: [] })
  })
})
