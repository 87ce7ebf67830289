/** Repairs of web addresses and contact details in imported records (values from real exports). */
import { describe, expect, it } from '@jest/globals'

import { normaliseNationalRow, type NormalisedRecord } from '../../../src/interop/normaliseRow'
import { repairWebAddresses } from '../../../src/interop/repairWebAddresses'
import { englishRow } from './noorderhaaksFixtures'

const ROW = 12

function recordWith(overrides: Partial<NormalisedRecord>): NormalisedRecord {
  return { ...normaliseNationalRow(englishRow(), ROW).record, ...overrides }
}

function repair(overrides: Partial<NormalisedRecord>) {
  const record = recordWith(overrides)
  const warnings = repairWebAddresses(record, ROW)
  return { record, warnings, messages: warnings.map((w) => w.message.nl) }
}

describe('repairWebAddresses', () => {
  it('leaves valid addresses alone and says nothing', () => {
    const { record, warnings } = repair({
      website: 'https://www.noorderhaaks.nl/verkeerslichten',
      contact_email: 'algoritmes@noorderhaaks.nl',
    })
    expect(warnings).toEqual([])
    expect(record.website).toBe('https://www.noorderhaaks.nl/verkeerslichten')
    expect(record.contact_email).toBe('algoritmes@noorderhaaks.nl')
  })

  it.each([
    ['www.noorderhaaks.nl/algoritmes', 'https://www.noorderhaaks.nl/algoritmes'],
    ['zichtopondermijning.nl', 'https://zichtopondermijning.nl'],
    [
      'avgregister.rijksweb.nl/AvgVerantwoordelijke/Verwerking/Get/8582',
      'https://avgregister.rijksweb.nl/AvgVerantwoordelijke/Verwerking/Get/8582',
    ],
    ['ttps://wetten.overheid.nl/BWBR0002320/', 'https://wetten.overheid.nl/BWBR0002320/'],
  ])('completes "%s" to "%s", with a warning that quotes both', (before, after) => {
    const { record, warnings } = repair({ website: before })
    expect(record.website).toBe(after)
    expect(warnings).toEqual([
      {
        row: ROW,
        field: 'website',
        kind: 'changed',
        value: before,
        message: {
          nl: `Webadres "${before}" was niet compleet; het is "${after}" geworden.`,
          en: `Web address "${before}" was incomplete; it became "${after}".`,
        },
      },
    ])
  })

  it('keeps the address from text around it, and names the links it left out', () => {
    const one = repair({ publiccode: 'Link naar externe pagina https://readspeaker.com/about/' })
    expect(one.record.publiccode).toBe('https://readspeaker.com/about/')
    expect(one.messages).toEqual([
      'In "Link naar externe pagina https://readspeaker.com/about/" stond tekst naast de link; alleen "https://readspeaker.com/about/" is overgenomen.',
    ])
    const two = repair({
      website: 'https://www.noorderhaaks.nl/a  https://www.noorderhaaks.nl/b.',
    })
    expect(two.record.website).toBe('https://www.noorderhaaks.nl/a')
    expect(two.messages[0]).toContain(
      'De andere link is weggelaten: https://www.noorderhaaks.nl/b.',
    )
  })

  it('leaves text without an address out of an optional field, quoting it', () => {
    const { record, warnings } = repair({
      url: 'niet openbaar',
      website: 'IJsselAssist | IJsselgemeenten',
    })
    expect(record.url).toBe('')
    expect(record.website).toBe('')
    expect(warnings.map((w) => [w.field, w.value])).toEqual([
      ['website', 'IJsselAssist | IJsselgemeenten'],
      ['url', 'niet openbaar'],
    ])
    expect(warnings[1].message.nl).toBe(
      '"niet openbaar" is geen webadres en is weggelaten (het veld is niet verplicht). Vul zo nodig een link in die begint met https://.',
    )
  })

  it('takes the e-mail address or link out of contact text, and leaves contact text without one', () => {
    const form = repair({
      contact_email:
        'Via contactformulier:  https://www.rvo.nl/onderwerpen/contact/formulier \u00a0',
    })
    expect(form.record.contact_email).toBe('https://www.rvo.nl/onderwerpen/contact/formulier')
    const mail = repair({ contact_email: 'Mail naar algoritmes@noorderhaaks.nl of bel 14 0592.' })
    expect(mail.record.contact_email).toBe('algoritmes@noorderhaaks.nl')
    expect(mail.warnings.map((w) => w.field)).toEqual(['contact_email'])
    // Required: nothing usable stays as it is, so the register rejects the row with its reason.
    const none = repair({ contact_email: 'bel ons klantcontactcentrum' })
    expect(none.record.contact_email).toBe('bel ons klantcontactcentrum')
    expect(none.warnings).toEqual([])
  })

  it('repairs links in lists; drops only the optional link of an impact assessment', () => {
    const { record, messages } = repair({
      impacttoetsen_grouping: [
        { title: 'Data Protection Impact Assessment (DPIA)', link: 'niet gepubliceerd' },
        { title: 'IAMA', link: 'www.noorderhaaks.nl/iama' },
      ],
      source_data_grouping: [{ title: 'Algemene Office applicaties', link: 'standaardformaten' }],
      lawful_basis_grouping: [{ title: 'Awr', link: 'ttps://wetten.overheid.nl/BWBR0002320/' }],
    })
    expect(record.impacttoetsen_grouping).toEqual([
      { title: 'Data Protection Impact Assessment (DPIA)', link: '' },
      { title: 'IAMA', link: 'https://www.noorderhaaks.nl/iama' },
    ])
    expect(record.lawful_basis_grouping).toEqual([
      { title: 'Awr', link: 'https://wetten.overheid.nl/BWBR0002320/' },
    ])
    // A required link that is not one stays, so the row is rejected rather than losing the title.
    expect(record.source_data_grouping).toEqual([
      { title: 'Algemene Office applicaties', link: 'standaardformaten' },
    ])
    expect(messages).toContain(
      'Bij "Data Protection Impact Assessment (DPIA)" staat "niet gepubliceerd" in plaats van een link; die tekst is weggelaten, de titel blijft.',
    )
    expect(messages).toHaveLength(3)
  })
})
