import { describe, expect, it } from '@jest/globals'
import {
  CsvParseError,
  NATIONAL_CSV_STYLE,
  parseCsv,
  serializeCsv,
} from '../../../src/interop/csvCodec'

describe('parseCsv', () => {
  it('reads plain rows with LF and with CRLF row endings', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parseCsv('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('strips a byte order mark', () => {
    expect(parseCsv('\uFEFFname,lang\nRingweg,nld\n')).toEqual([
      ['name', 'lang'],
      ['Ringweg', 'nld'],
    ])
  })

  it('reads quoted fields with commas, doubled quotes and line breaks kept as they are', () => {
    const text = 'a,b,c\n"Verkeer, Werk","Zij zei ""ja""","regel 1\r\nregel 2\nregel 3"\n'
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['Verkeer, Werk', 'Zij zei "ja"', 'regel 1\r\nregel 2\nregel 3'],
    ])
  })

  it('keeps empty fields, also at the end of a row and as quoted empty strings', () => {
    expect(parseCsv('a,,c,\n"",x,"",\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ])
  })

  it('keeps spaces around unquoted values (trimming is for the normaliser)', () => {
    expect(parseCsv('2018 , n.v.t.\t\n')).toEqual([['2018 ', ' n.v.t.\t']])
  })

  it('does not create a row for the final line break, and reads a last row without one', () => {
    expect(parseCsv('a\n1\n')).toEqual([['a'], ['1']])
    expect(parseCsv('a\n1')).toEqual([['a'], ['1']])
    expect(parseCsv('')).toEqual([])
  })

  it('skips blank lines but keeps a row that is one quoted empty value', () => {
    expect(parseCsv('a\n\n1\n""\n')).toEqual([['a'], ['1'], ['']])
  })

  it('is lenient with stray quotes inside unquoted values', () => {
    expect(parseCsv('5" scherm,x\n')).toEqual([['5" scherm', 'x']])
    expect(parseCsv('"ab"c,d\n')).toEqual([['"ab"c', 'd']])
  })

  it('throws a bilingual error with the line number for a quote that never closes', () => {
    let caught: unknown
    try {
      parseCsv('a,b\n1,2\n3,"open\nnog steeds open\n')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(CsvParseError)
    const error = caught as CsvParseError
    expect(error.line).toBe(3)
    expect(error.text.nl).toContain('regel 3')
    expect(error.text.en).toContain('line 3')
  })
})

describe('serializeCsv', () => {
  const rows = [
    ['name', 'category', 'goal', 'end_date'],
    ['Ringweg', 'Verkeer, Werk', 'Zij zei "ja"\r\nNieuwe regel', ''],
  ]

  it('writes the national style: BOM, minimal quoting, empty values bare, LF after every row', () => {
    expect(serializeCsv(rows, NATIONAL_CSV_STYLE)).toBe(
      '\uFEFFname,category,goal,end_date\n' +
        'Ringweg,"Verkeer, Werk","Zij zei ""ja""\r\nNieuwe regel",\n',
    )
  })

  it('can quote every field, leave out the BOM and use CRLF', () => {
    expect(
      serializeCsv(
        [
          ['a', ''],
          ['b,c', 'd'],
        ],
        { bom: false, quoteAll: true, eol: '\r\n' },
      ),
    ).toBe('"a",""\r\n"b,c","d"\r\n')
  })

  it('does not quote values that only have spaces or tabs', () => {
    expect(serializeCsv([['2018 ', '\tx']], NATIONAL_CSV_STYLE)).toBe('\uFEFF2018 ,\tx\n')
  })

  it('round-trips through parseCsv in both quoting styles', () => {
    const tricky = [['a', 'b', 'c'], ['', '"', ','], ['x\ny', 'x\r\ny', 'x\ry'], [''], ['only']]
    for (const quoteAll of [false, true]) {
      for (const eol of ['\n', '\r\n'] as const) {
        const text = serializeCsv(tricky, { bom: true, quoteAll, eol })
        expect(parseCsv(text)).toEqual(tricky)
      }
    }
  })
})
