import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

/** How long a preview link works. */
export const PREVIEW_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

/** What a preview link grants: one algorithm, of one organisation, until a moment. */
export interface PreviewGrant {
  algorithmId: number
  organisationId: number
  expiresAt: number
}

/**
 * The signing key of preview links, derived from PAYLOAD_SECRET (HKDF-SHA256 with its own
 * label), so it is not the key of Payload's sessions and changes when the secret changes.
 */
export function previewKey(secret: string): Buffer {
  if (!secret) throw new Error('A preview link needs the server secret (PAYLOAD_SECRET).')
  return Buffer.from(hkdfSync('sha256', secret, '', 'algoritmeregister public preview v1', 32))
}

function sign(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url')
}

/** A token `<algorithm>.<organisation>.<expiry>.<HMAC>` for a preview link. */
export function createPreviewToken(key: Buffer, grant: PreviewGrant): string {
  const payload = `${grant.algorithmId}.${grant.organisationId}.${grant.expiresAt}`
  return `${payload}.${sign(key, payload)}`
}

/** Why a preview token is refused. */
export type PreviewRefusal = 'malformed' | 'signature' | 'expired'

/** The grant of a token, or why it is refused (checked in constant time). */
export function verifyPreviewToken(
  key: Buffer,
  token: string,
  now = Date.now(),
): PreviewGrant | PreviewRefusal {
  const match = /^(\d{1,12})\.(\d{1,12})\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return 'malformed'
  const expected = Buffer.from(sign(key, `${match[1]}.${match[2]}.${match[3]}`))
  const given = Buffer.from(match[4])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'signature'
  const grant = {
    algorithmId: Number(match[1]),
    organisationId: Number(match[2]),
    expiresAt: Number(match[3]),
  }
  return grant.expiresAt <= now ? 'expired' : grant
}
