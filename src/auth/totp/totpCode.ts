import { generate, generateSecret, generateURI, verify } from 'otplib'

import { now } from '../../clock'

/** RFC 6238 with the parameters every authenticator app supports: SHA-1, 6 digits, 30 seconds. */
const PERIOD = 30

/** A new base32 secret of 20 random bytes. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 })
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(issuer: string, account: string, secret: string): string {
  return generateURI({ issuer, label: account, secret, period: PERIOD })
}

/** The current code (tests, and nothing else, need this). */
export function currentTotpCode(secret: string, at: Date = now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) })
}

/**
 * Checks a 6-digit code against the secret, one step of clock drift either way, and refuses any
 * code of a time step at or before the last one accepted (a replay). Returns the time step to
 * remember, or null.
 */
export async function checkTotpCode(
  secret: string,
  code: string,
  lastTimeStep: number | null | undefined,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now().getTime() / 1000),
    epochTolerance: PERIOD,
    ...(typeof lastTimeStep === 'number' ? { afterTimeStep: lastTimeStep } : {}),
  })
  if (!result.valid) return null
  return 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null
}
