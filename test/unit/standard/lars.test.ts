import { describe, it, expect } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateLars, isValidLars, larsCheckDigit } from '../../../src/standard/lars'
import { seededRandom } from './fixtures/seededRandom'

// Reference data from the national register; read only here and only when present.
const sharedData = (file: string): string =>
  fileURLToPath(new URL(`../../../../shared/data/${file}`, import.meta.url))

/** Minimal RFC 4180 reader: quoted fields may hold commas, quotes and newlines. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const input = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else {
      field += char
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

const sampleIds = (count: number, seed: number): string[] => {
  const random = seededRandom(seed)
  return Array.from({ length: count }, () => generateLars(random))
}

describe('larsCheckDigit', () => {
  it('weights odd positions 3 and even positions 1, modulo 10', () => {
    expect(larsCheckDigit('5813274')).toBe(4)
    expect(larsCheckDigit('1234567')).toBe(0)
    expect(larsCheckDigit('1111111')).toBe(5)
    expect(larsCheckDigit('9999999')).toBe(5)
    expect(larsCheckDigit('7717816')).toBe(1)
  })

  it('refuses anything but seven digits', () => {
    expect(() => larsCheckDigit('123456')).toThrow(TypeError)
    expect(() => larsCheckDigit('12345678')).toThrow(TypeError)
    expect(() => larsCheckDigit('12a4567')).toThrow(TypeError)
  })
})

describe('isValidLars', () => {
  it('accepts ids with a correct check digit', () => {
    expect(isValidLars('58132744')).toBe(true)
    expect(isValidLars('77178161')).toBe(true)
    expect(isValidLars('11111115')).toBe(true)
  })

  it('refuses wrong check digits, wrong lengths, zeros among the first seven and non-strings', () => {
    expect(isValidLars('58132745')).toBe(false)
    expect(isValidLars('5813274')).toBe(false)
    expect(isValidLars('581327440')).toBe(false)
    expect(isValidLars(' 58132744')).toBe(false)
    // Correct check digit (3 × 15 + 12 = 57), but the standard draws digits from 1 to 9.
    expect(isValidLars('02345677')).toBe(false)
    expect(isValidLars('')).toBe(false)
    expect(isValidLars(58132744 as unknown as string)).toBe(false)
  })

  it('validates every algorithm_id in the national register’s CSV export', () => {
    const file = sharedData('algoritmeregister-export-en.csv')
    if (!existsSync(file)) {
      console.warn(`Skipped: reference file ${file} not found; the real-id check did not run.`)
      return
    }
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'))
    const column = header.indexOf('algorithm_id')
    expect(column).toBeGreaterThanOrEqual(0)
    const ids = rows.filter((row) => row.length > column).map((row) => row[column])
    expect(ids.length).toBeGreaterThan(800)
    expect(ids.filter((id) => !isValidLars(id))).toEqual([])
  })

  it('validates every id in the register overview scrape', () => {
    const file = sharedData('algoritmeregister-nl-overzicht.json')
    if (!existsSync(file)) {
      console.warn(`Skipped: reference file ${file} not found; the overview check did not run.`)
      return
    }
    const ids: string[] = []
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect)
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>
        if (typeof record.id === 'string' && typeof record.organisatie === 'string') {
          ids.push(record.id)
        } else Object.values(record).forEach(collect)
      }
    }
    collect(JSON.parse(readFileSync(file, 'utf8')))
    expect(ids.length).toBeGreaterThan(1000)
    expect(ids.filter((id) => !isValidLars(id))).toEqual([])
  })
})

describe('generateLars', () => {
  it('makes valid ids with seven digits from 1 to 9', () => {
    const ids = sampleIds(2000, 1)
    for (const id of ids) expect(id).toMatch(/^[1-9]{7}[0-9]$/)
    expect(ids.every(isValidLars)).toBe(true)
    const usedDigits = new Set(ids.flatMap((id) => [...id.slice(0, 7)]))
    expect([...usedDigits].sort().join('')).toBe('123456789')
    expect(new Set(ids).size).toBeGreaterThan(1990)
  })

  it('stays within 1–9 for edge values of the random source', () => {
    expect(generateLars(() => 0)).toBe('11111115')
    expect(generateLars(() => 0.999999)).toBe('99999995')
    expect(generateLars(() => 1)).toBe('99999995')
    expect(generateLars(() => Number.NaN)).toBe('11111115')
  })

  it('uses Math.random by default', () => {
    expect(isValidLars(generateLars())).toBe(true)
  })
})

describe('error detection', () => {
  const ids = sampleIds(500, 42)

  it('detects every single-digit typo', () => {
    let checked = 0
    for (const id of ids) {
      for (let position = 0; position < 8; position += 1) {
        for (let digit = 0; digit <= 9; digit += 1) {
          if (String(digit) === id[position]) continue
          const typo = id.slice(0, position) + String(digit) + id.slice(position + 1)
          expect(isValidLars(typo)).toBe(false)
          checked += 1
        }
      }
    }
    expect(checked).toBe(ids.length * 8 * 9)
  })

  it('detects every swap of neighbouring digits except those differing by exactly 5', () => {
    // A swap of neighbours a, b changes the weighted sum by ±2(a − b), which is 0 mod 10 only
    // when a − b = ±5. For the last pair (d7, check digit) the same holds; such a swap can still
    // be caught when it moves a 0 into the first seven digits.
    let detected = 0
    let undetected = 0
    for (const id of ids) {
      for (let position = 0; position < 7; position += 1) {
        const a = Number(id[position])
        const b = Number(id[position + 1])
        if (a === b) continue
        const swapped =
          id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2)
        const zeroMovedIn = position === 6 && b === 0
        const expectValid = Math.abs(a - b) === 5 && !zeroMovedIn
        expect(isValidLars(swapped)).toBe(expectValid)
        if (expectValid) undetected += 1
        else detected += 1
      }
    }
    expect(detected).toBeGreaterThan(undetected * 5)
    expect(undetected).toBeGreaterThan(0)
  })

  it('shows the known blind spot with a concrete pair', () => {
    const original = `1612345${larsCheckDigit('1612345')}`
    const swapped = `6112345${larsCheckDigit('1612345')}`
    expect(isValidLars(original)).toBe(true)
    expect(isValidLars(swapped)).toBe(true)
    const caught = `1712345${larsCheckDigit('1712345')}`
    expect(isValidLars(`7112345${caught[7]}`)).toBe(false)
  })
})
