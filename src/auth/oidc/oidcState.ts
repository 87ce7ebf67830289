import { openText, sealText } from '../secretBox'

/** What the browser carries between the start of a login and the provider's answer. */
export interface OidcLoginState {
  provider: string
  state: string
  nonce: string
  verifier: string
  /** Epoch milliseconds after which this login attempt is refused. */
  expiresAt: number
}

export const OIDC_STATE_COOKIE = 'algoritmeregister-oidc'
export const OIDC_STATE_PURPOSE = 'oidc-login-state'
/** A login at the provider must be finished within ten minutes. */
export const OIDC_STATE_TTL_MS = 10 * 60 * 1000

/** Sealed (AES-256-GCM) so the browser can neither read nor change it. */
export function sealLoginState(secret: string, state: OidcLoginState): string {
  return sealText(secret, OIDC_STATE_PURPOSE, JSON.stringify(state))
}

/** The state from the cookie, or null when it is missing, changed, or not well-formed. */
export function openLoginState(secret: string, sealed: string | undefined): OidcLoginState | null {
  const text = openText(secret, OIDC_STATE_PURPOSE, sealed)
  if (!text) return null
  try {
    const value = JSON.parse(text) as Partial<OidcLoginState>
    if (
      typeof value.provider === 'string' &&
      typeof value.state === 'string' &&
      typeof value.nonce === 'string' &&
      typeof value.verifier === 'string' &&
      typeof value.expiresAt === 'number'
    ) {
      return value as OidcLoginState
    }
  } catch (_error) {
    return null
  }
  return null
}
