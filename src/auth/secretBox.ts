import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'

/**
 * A key for one purpose, derived from Payload's secret (itself derived from PAYLOAD_SECRET) with
 * HKDF-SHA256. Different purposes never share a key, and nothing is stored: changing
 * PAYLOAD_SECRET makes what was sealed with the old secret unreadable (second-factor secrets then
 * have to be enrolled again).
 */
export function derivedKey(secret: string, purpose: string): Buffer {
  if (!secret) throw new Error('derivedKey: the Payload secret is empty.')
  return Buffer.from(hkdfSync('sha256', secret, 'algoritmeregister', purpose, 32))
}

/**
 * Encrypts a short text with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` (base64url). The purpose
 * is authenticated as well, so a value sealed for one purpose cannot be opened for another.
 */
export function sealText(secret: string, purpose: string, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', derivedKey(secret, purpose), iv)
  cipher.setAAD(Buffer.from(purpose))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.')
}

/** Opens a value made by sealText; null when it was changed, is not sealed, or is for another purpose. */
export function openText(secret: string, purpose: string, sealed: unknown): string | null {
  if (typeof sealed !== 'string') return null
  const [version, iv, tag, body, extra] = sealed.split('.')
  if (version !== VERSION || !iv || !tag || body === undefined || extra !== undefined) return null
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derivedKey(secret, purpose),
      Buffer.from(iv, 'base64url'),
    )
    decipher.setAAD(Buffer.from(purpose))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8')
  } catch (_error) {
    return null
  }
}
