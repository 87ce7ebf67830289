import { describe, expect, it } from '@jest/globals'
import { normaliseMonth } from '../../../src/interop/normaliseMonth'

describe('normaliseMonth', () => {
  it('keeps correct and empty values without a reason', () => {
    expect(normaliseMonth('2023-01')).toEqual({ value: '2023-01', outcome: 'ok' })
    expect(normaliseMonth('')).toEqual({ value: '', outcome: 'ok' })
    expect(normaliseMonth(' 2019-07\t')).toEqual({ value: '2019-07', outcome: 'ok' })
  })

  it.each([
    ['01-2014', '2014-01'],
    ['1-2010', '2010-01'],
    ['01/2023', '2023-01'],
    ['03 2024', '2024-03'],
    ['2012-6', '2012-06'],
    ['202006', '2020-06'],
    ['012022', '2022-01'],
    ['2019-05-01', '2019-05'],
    ['15-03-2021', '2021-03'],
    ['20210315', '2021-03'],
    ['1062024', '2024-06'],
  ])('rewrites %j to %j with a reason', (raw, expected) => {
    const result = normaliseMonth(raw)
    expect(result.value).toBe(expected)
    expect(result.outcome).toBe('changed')
    expect(result.reason?.nl).toContain(`"${expected}"`)
  })

  it('reads a year on its own as January and says so', () => {
    expect(normaliseMonth('2018 ')).toEqual({
      value: '2018-01',
      outcome: 'changed',
      reason: {
        nl: 'Datum "2018" is omgezet naar "2018-01". Er stond alleen een jaar. We hebben januari (01) als maand genomen.',
        en: 'Date "2018" was changed to "2018-01". Only a year was given. January (01) was assumed as the month.',
      },
    })
  })

  it('reads a quarter as its first month and says so', () => {
    expect(normaliseMonth('2020-Q1')).toMatchObject({ value: '2020-01', outcome: 'changed' })
    expect(normaliseMonth('2024-Q2').value).toBe('2024-04')
    expect(normaliseMonth('Q4 2022').value).toBe('2022-10')
    expect(normaliseMonth('2020-Q1').reason?.en).toContain('first month of that quarter')
  })

  it('reads two-digit years with a fixed rule and says so', () => {
    expect(normaliseMonth('01-24').value).toBe('2024-01')
    expect(normaliseMonth('04-17').value).toBe('2017-04')
    expect(normaliseMonth('06-95').value).toBe('1995-06')
    expect(normaliseMonth('010717').value).toBe('2017-07')
    expect(normaliseMonth('20-7-23').value).toBe('2023-07')
    expect(normaliseMonth('01-24').reason?.nl).toContain('twee cijfers')
  })

  it('reads Dutch and English month names with a year', () => {
    expect(normaliseMonth('jan-24').value).toBe('2024-01')
    expect(normaliseMonth('jan 24').value).toBe('2024-01')
    expect(normaliseMonth('maart 2021').value).toBe('2021-03')
    expect(normaliseMonth('October 2019').value).toBe('2019-10')
    expect(normaliseMonth('1 mei 2020').value).toBe('2020-05')
    expect(normaliseMonth('2022 okt').value).toBe('2022-10')
  })

  it('clears placeholders that mean "no date"', () => {
    for (const raw of ['-', '--', 'n.v.t.', 'N.v.t.', 'Nvt', 'Nb', 'Nb.', 'n.v.t.\t']) {
      const result = normaliseMonth(raw)
      expect(result).toMatchObject({ value: '', outcome: 'cleared' })
      expect(result.reason?.en).toContain('not a date')
    }
  })

  it('rejects a month name without a year', () => {
    const result = normaliseMonth('Maart')
    expect(result).toMatchObject({ value: '', outcome: 'invalid' })
    expect(result.reason?.nl).toBe(
      '"Maart" is geen geldige maand. Er staat geen jaar bij. Gebruik de vorm jjjj-mm, bijvoorbeeld 2023-01.',
    )
  })

  it('rejects impossible and ambiguous values', () => {
    for (const raw of ['2019-13', '13-2019', '00-2020', 'binnenkort', '3000-01', '99999']) {
      expect(normaliseMonth(raw)).toMatchObject({ value: '', outcome: 'invalid' })
    }
    const ambiguous = normaliseMonth('200112')
    expect(ambiguous.outcome).toBe('invalid')
    expect(ambiguous.reason?.en).toContain('2001-12 or 2012-01')
  })
})
