import { describe, expect, it } from '@jest/globals'

import { openText, sealText } from '../../../src/auth/secretBox'
import {
  findRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
} from '../../../src/auth/totp/recoveryCodes'
import { checkTotpCode, currentTotpCode, newTotpSecret } from '../../../src/auth/totp/totpCode'
import { setClock } from '../../../src/clock'

describe('secretBox (AES-256-GCM, key from the Payload secret)', () => {
  it('opens what it sealed, and nothing else', () => {
    const sealed = sealText('geheim', 'totp-secret', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain('JBSWY3DP')
    expect(openText('geheim', 'totp-secret', sealed)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
    expect(openText('ander-geheim', 'totp-secret', sealed)).toBeNull()
    expect(openText('geheim', 'other-purpose', sealed)).toBeNull()
    const parts = sealed.split('.')
    const body = parts[3] as string
    parts[3] = (body[0] === 'A' ? 'B' : 'A') + body.slice(1)
    expect(openText('geheim', 'totp-secret', parts.join('.'))).toBeNull()
    expect(openText('geheim', 'totp-secret', 'not sealed')).toBeNull()
    expect(openText('geheim', 'totp-secret', null)).toBeNull()
  })

  it('gives a different ciphertext each time (random IV)', () => {
    expect(sealText('s', 'p', 'x')).not.toBe(sealText('s', 'p', 'x'))
  })
})

describe('recovery codes', () => {
  it('are ten distinct codes that match their own hash once, in any case and with spaces', () => {
    const codes = generateRecoveryCodes()
    expect(new Set(codes).size).toBe(10)
    const hashes = codes.map((code) => hashRecoveryCode('s', code))
    const third = codes[2] as string
    expect(findRecoveryCode('s', hashes, ` ${third.toLowerCase().replace('-', ' ')} `)).toBe(2)
    expect(findRecoveryCode('s', hashes, 'AAAAA-AAAAA')).toBe(-1)
    expect(findRecoveryCode('other secret', hashes, third)).toBe(-1)
  })
})

describe('TOTP codes (RFC 6238)', () => {
  it('accepts the current code, one step of drift, and refuses replays and older steps', async () => {
    const secret = newTotpSecret()
    const at = new Date('2026-12-03T12:00:10Z')
    const restore = setClock(() => at)
    try {
      const code = await currentTotpCode(secret, at)
      const step = await checkTotpCode(secret, code, null)
      expect(step).toBe(Math.floor(at.getTime() / 30000))
      expect(await checkTotpCode(secret, code, step)).toBeNull()
      const previous = await currentTotpCode(secret, new Date(at.getTime() - 30000))
      expect(await checkTotpCode(secret, previous, null)).toBe((step as number) - 1)
      expect(await checkTotpCode(secret, previous, step)).toBeNull()
      const old = await currentTotpCode(secret, new Date(at.getTime() - 120000))
      expect(await checkTotpCode(secret, old, null)).toBeNull()
      expect(await checkTotpCode(secret, 'abcdef', null)).toBeNull()
      expect(await checkTotpCode(secret, '1234567', null)).toBeNull()
    } finally {
      restore()
    }
  })
})
