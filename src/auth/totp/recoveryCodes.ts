import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'

import { derivedKey } from '../secretBox'

/** How many recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10

// No 0/O, 1/I/L: codes are read from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A recovery code as people type it: upper case, without spaces or dashes. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

/** Ten fresh codes, `XXXXX-XXXXX`, 50 bits of randomness each. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)])
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
  })
}

/**
 * A keyed hash (HMAC-SHA256 with a key derived from the Payload secret): the database alone does
 * not allow guessing codes offline, and the codes are random enough that no slow hash is needed.
 */
export function hashRecoveryCode(secret: string, code: string): string {
  return createHmac('sha256', derivedKey(secret, 'recovery-codes'))
    .update(normaliseRecoveryCode(code))
    .digest('hex')
}

/** Index of the stored hash that matches the code, or -1. Compares every hash in constant time. */
export function findRecoveryCode(secret: string, stored: readonly string[], code: string): number {
  const candidate = Buffer.from(hashRecoveryCode(secret, code), 'hex')
  let found = -1
  stored.forEach((hash, index) => {
    const known = Buffer.from(hash, 'hex')
    if (known.length === candidate.length && timingSafeEqual(known, candidate) && found === -1) {
      found = index
    }
  })
  return found
}
