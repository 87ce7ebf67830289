import { describe, expect, it } from '@jest/globals'

import { canonicalJson, wellFormed } from '../../../src/audit/canonicalJson'

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}')
  })

  it('gives the same text whatever order the keys were written in', () => {
    const one = { name: 'Parkeren', workflow: { state: 'concept', count: 2 } }
    const other = { workflow: { count: 2, state: 'concept' }, name: 'Parkeren' }
    expect(canonicalJson(one)).toBe(canonicalJson(other))
  })

  it('survives the round trip through jsonb, which reorders keys', () => {
    const value = { longer_key: 1, k: [{ bb: true, a: null }], é: 'ë' }
    const reordered = { é: 'ë', k: [{ a: null, bb: true }], longer_key: 1 }
    expect(canonicalJson(JSON.parse(JSON.stringify(reordered)))).toBe(canonicalJson(value))
  })

  it('follows JSON.stringify for dates, undefined and non-finite numbers', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z') })).toBe(
      '{"at":"2026-01-02T03:04:05.006Z"}',
    )
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
    expect(canonicalJson([undefined, Number.NaN, Number.POSITIVE_INFINITY])).toBe(
      '[null,null,null]',
    )
    expect(canonicalJson({ f: () => 1, g: 2 })).toBe('{"g":2}')
  })

  it('writes a value without JSON form as null instead of returning undefined', () => {
    expect(canonicalJson(undefined)).toBe('null')
    expect(canonicalJson(null)).toBe('null')
  })

  it('uses an object’s own toJSON and then sorts what it gives', () => {
    const custom = { toJSON: () => ({ z: 1, a: 2 }) }
    expect(canonicalJson({ custom })).toBe('{"custom":{"a":2,"z":1}}')
  })
})

describe('wellFormed', () => {
  it('replaces lone surrogates and NUL characters with U+FFFD, everywhere', () => {
    const value = { ['k\ud800']: ['a\udc00b', { c: 'x\u0000y' }], n: 3, d: null }
    expect(wellFormed(value)).toEqual({
      ['k\ufffd']: ['a\ufffdb', { c: 'x\ufffdy' }],
      n: 3,
      d: null,
    })
  })

  it('keeps proper surrogate pairs and ordinary text as they are', () => {
    expect(wellFormed('Afval 🚛 één €')).toBe('Afval 🚛 één €')
  })

  it('keeps dates as dates', () => {
    const at = new Date('2026-05-01T00:00:00Z')
    expect(wellFormed({ at }).at).toBe(at)
  })
})
