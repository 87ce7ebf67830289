import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/** Login details for the national register's Keycloak (password grant). */
export interface NationalCredentials {
  tokenUrl?: string
  clientId?: string
  username?: string
  password?: string
}

const PREFIX = 'v1:'

/**
 * The key is derived from the Payload secret with HKDF (SHA-256), so stored credentials are
 * unreadable without the server's secret, and no second secret needs managing. Changing
 * PAYLOAD_SECRET makes stored credentials unreadable: they must then be entered again.
 */
function keyFrom(secret: string): Buffer {
  if (!secret) throw new Error('national register: no secret to derive the credential key from')
  return Buffer.from(
    hkdfSync('sha256', secret, 'algoritmeregister', 'national-register-credentials', 32),
  )
}

/** Encrypts credentials with AES-256-GCM: `v1:<iv>:<tag>:<ciphertext>` (base64). */
export function encryptCredentials(credentials: NationalCredentials, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()])
  const tag = cipher.getAuthTag()
  return `${PREFIX}${iv.toString('base64')}:${tag.toString('base64')}:${body.toString('base64')}`
}

/** Decrypts what encryptCredentials wrote; undefined when there is nothing or it is unreadable. */
export function decryptCredentials(
  stored: string | null | undefined,
  secret: string,
): NationalCredentials | undefined {
  if (!stored || !stored.startsWith(PREFIX)) return undefined
  const [iv, tag, body] = stored.slice(PREFIX.length).split(':')
  if (!iv || !tag || body === undefined) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64'))
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    const text = Buffer.concat([
      decipher.update(Buffer.from(body, 'base64')),
      decipher.final(),
    ]).toString('utf8')
    const parsed: unknown = JSON.parse(text)
    if (!parsed || typeof parsed !== 'object') return undefined
    const record = parsed as Record<string, unknown>
    const pick = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined)
    return {
      tokenUrl: pick('tokenUrl'),
      clientId: pick('clientId'),
      username: pick('username'),
      password: pick('password'),
    }
  } catch (_error) {
    return undefined
  }
}
