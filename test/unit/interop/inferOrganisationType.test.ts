import { describe, expect, it } from '@jest/globals'

import {
  inferOrganisationType,
  organisationNameKey,
} from '../../../src/interop/inferOrganisationType'

describe('inferOrganisationType', () => {
  it.each([
    ['Gemeente Noorderhaaks', 'gemeente'],
    ['Municipality of Noorderhaaks', 'gemeente'],
    ['Haarlem city council', 'gemeente'],
    ['Provincie Zuid-Haaks', 'provincie'],
    ['Flevoland province', 'provincie'],
    ['Waterschap Haaksdelta', 'waterschap'],
    ['Hoogheemraadschap van Haaksland', 'waterschap'],
    ['HDSR Hoogheemraadschap De Stichtse Rijnlanden', 'waterschap'],
    ['Wetterskip Fryslân', 'waterschap'],
    ['Zuiderzeeland Water Board', 'waterschap'],
    ['Ministerie van Haakse Zaken', 'ministerie'],
    ['Ministry of Infrastructure and Water Management', 'ministerie'],
    ['Veiligheidsregio Noorderhaaks', 'veiligheidsregio'],
    ['Safety region Zuid-Holland Zuid', 'veiligheidsregio'],
    ['Omgevingsdienst Noorderhaaks', 'omgevingsdienst'],
    ['IJsselland Environment Service', 'omgevingsdienst'],
    ['Regional Environment Agency Middle Holland', 'omgevingsdienst'],
    ['Politie', 'politie'],
    ['National Police', 'politie'],
  ])('%s is a %s', (name, type) => {
    expect(inferOrganisationType(name)).toEqual({ type, certain: true })
  })

  it('does not take a joint arrangement of municipalities for a municipality', () => {
    expect(inferOrganisationType('Gemeenschappelijke regeling Haaks')).toEqual({
      type: 'overig',
      certain: false,
    })
  })

  it('falls back to overig, marked uncertain, when the name says nothing', () => {
    expect(inferOrganisationType('Stichting Haaks Fonds')).toEqual({
      type: 'overig',
      certain: false,
    })
    expect(inferOrganisationType('Dutch Tax and Customs Administration').certain).toBe(false)
  })
})

describe('organisationNameKey', () => {
  it('ignores case, repeated and surrounding spaces, and composed or decomposed accents', () => {
    expect(organisationNameKey('  gemeente   NOORDERHAAKS ')).toBe(
      organisationNameKey('Gemeente Noorderhaaks'),
    )
    expect(organisationNameKey('Wetterskip Fryse\u0302')).toBe(
      organisationNameKey('Wetterskip Frysê'),
    )
    expect(organisationNameKey('Gemeente Noorderhaaks')).not.toBe(
      organisationNameKey('Gemeente Zuiderhaaks'),
    )
  })
})
