import { describe, expect, it } from '@jest/globals'

import { parseLsn } from '../../../src/database/replica'

describe('parseLsn', () => {
  it('orders WAL positions as PostgreSQL does, across the 32-bit boundary', () => {
    expect(parseLsn('0/3000148')).toBe(0x3000148n)
    expect(parseLsn('1/0')).toBeGreaterThan(parseLsn('0/FFFFFFFF'))
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n)
  })

  it('treats a missing or malformed position as the lowest, so the replica is not trusted', () => {
    expect(parseLsn(null)).toBe(0n)
    expect(parseLsn('')).toBe(0n)
    expect(parseLsn('0/3000148; DROP')).toBe(0n)
  })
})
