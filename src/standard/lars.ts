/**
 * The Algoritme-ID (`lars`): eight digits, seven random digits from 1 to 9 followed by a check
 * digit c = (3 × (d1 + d3 + d5 + d7) + (d2 + d4 + d6)) mod 10.
 *
 * The weights 3 and 1 catch every single-digit typo and most swaps of neighbouring digits. A
 * swap of two neighbours that differ by exactly 5 keeps the sum the same modulo 10 and is not
 * detected; that is a property of any mod-10 code with weights 3 and 1.
 */

const FIRST_SEVEN = /^[0-9]{7}$/
const LARS = /^[1-9]{7}[0-9]$/

/**
 * The check digit for the first seven digits of an Algoritme-ID.
 * @throws {TypeError} when `first7` is not exactly seven digits
 */
export function larsCheckDigit(first7: string): number {
  if (!FIRST_SEVEN.test(first7)) {
    throw new TypeError(`Algoritme-ID: expected 7 digits, got "${first7}"`)
  }
  const d = Array.from(first7, Number)
  return (3 * (d[0] + d[2] + d[4] + d[6]) + (d[1] + d[3] + d[5])) % 10
}

/**
 * True when `id` is a well-formed Algoritme-ID: eight digits, the first seven from 1 to 9, and
 * a correct check digit. No trimming: callers decide how forgiving to be with input.
 */
export function isValidLars(id: string): boolean {
  if (typeof id !== 'string' || !LARS.test(id)) return false
  return larsCheckDigit(id.slice(0, 7)) === Number(id[7])
}

/**
 * A new random Algoritme-ID. Uniqueness is the caller's job (check against stored ids and draw
 * again on a clash); 9^7 ≈ 4.8 million possible ids.
 * @param random returns a number in [0, 1); defaults to Math.random
 */
export function generateLars(random: () => number = Math.random): string {
  let first7 = ''
  for (let i = 0; i < 7; i += 1) {
    const r = random()
    // Clamp so that a generator returning exactly 1, or something odd, still gives 1–9.
    const digit = 1 + (Number.isFinite(r) ? Math.min(8, Math.max(0, Math.floor(r * 9))) : 0)
    first7 += String(digit)
  }
  return first7 + String(larsCheckDigit(first7))
}
