import * as client from 'openid-client'
import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type Endpoint,
  type PayloadRequest,
} from 'payload'
import { parseCookies } from 'payload/shared'

import type { User } from '../../../payload-types'
import { registerOptionsOf } from '../../plugin/registerOptionsOf'
import { writeAuditEvent } from '../../audit/writeAuditEvent'
import { recordSignInEvent } from '../recordSignInEvent'
import { signInOptionsOf, type OidcProviderOptions } from '../signInOptions'
import { startSession } from '../startSession'
import { linkOidcAccount, type OidcIdentity } from './linkOidcAccount'
import { isLoopbackHttp, providerConfiguration } from './oidcClient'
import { OIDC_FAILURE_PARAM, type OidcFailure } from './oidcErrors'
import { OIDC_STATE_COOKIE, OIDC_STATE_TTL_MS, openLoginState, sealLoginState } from './oidcState'

type Provider = Required<OidcProviderOptions>

function providerOf(req: PayloadRequest): Provider | undefined {
  const id = String(req.routeParams?.provider ?? '')
  return signInOptionsOf(req.payload).oidcProviders.find((p) => p.id === id)
}

/** The register's public address; the provider sends people back here. */
function publicBase(req: PayloadRequest): string {
  return req.payload.config.serverURL || registerOptionsOf(req.payload).serverUrl
}

function callbackUrl(req: PayloadRequest, provider: Provider): URL {
  const api = req.payload.config.routes.api
  return new URL(`${publicBase(req)}${api}/users/oidc/${provider.id}/callback`)
}

function adminUrl(req: PayloadRequest, path: string): string {
  return `${publicBase(req)}${req.payload.config.routes.admin}${path}`
}

function stateCookie(req: PayloadRequest, value: string, maxAgeSeconds: number): string {
  const secure = publicBase(req).startsWith('https://') ? '; Secure' : ''
  const path = `${req.payload.config.routes.api}/users/oidc`
  return `${OIDC_STATE_COOKIE}=${value}; Path=${path}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`
}

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' })
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  return new Response(null, { status: 302, headers })
}

/**
 * A refused organisation login: back to the login page with the reason (shown in Dutch by the
 * login page), the state cookie removed, and an audit event. Never an account or a session.
 */
async function refuse(
  req: PayloadRequest,
  failure: OidcFailure,
  provider: Provider | undefined,
  detail: string,
  person?: User,
): Promise<Response> {
  try {
    const event = {
      eventType: 'login_failure' as const,
      summary: `Inloggen via ${provider?.label ?? 'organisatie-account'} geweigerd (${failure})`,
      details: {
        reason: `oidc-${failure}`,
        provider: provider?.id ?? null,
        detail: detail.slice(0, 300),
      },
    }
    if (person) await recordSignInEvent(req, person, event)
    else await writeAuditEvent(req, { ...event, actor: null })
  } catch (error) {
    req.payload.logger.error({ err: error }, 'Could not record a refused organisation login')
  }
  return redirect(adminUrl(req, `/login?${OIDC_FAILURE_PARAM}=${failure}`), [
    stateCookie(req, '', 0),
  ])
}

/**
 * Whether the provider could not be reached (refused, reset, timed out, no such host), looking
 * through the causes openid-client wraps around fetch's errors. Duck-typed: errors from fetch
 * may come from another realm, where instanceof fails.
 */
function isNetworkFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const { name, message, code, cause } = error as {
    name?: unknown
    message?: unknown
    code?: unknown
    cause?: unknown
  }
  if (name === 'TimeoutError' || name === 'AbortError') return true
  if (
    typeof message === 'string' &&
    /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(message)
  ) {
    return true
  }
  if (
    typeof code === 'string' &&
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR/.test(code)
  ) {
    return true
  }
  return isNetworkFailure(cause, depth + 1)
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`
}

/** GET /api/users/oidc/providers: the buttons for the login page (no secrets). */
export const listProviders: Endpoint = {
  path: '/oidc/providers',
  method: 'get',
  handler: (req) =>
    Response.json({
      passwordLogin: signInOptionsOf(req.payload).passwordLogin,
      providers: signInOptionsOf(req.payload).oidcProviders.map((p) => ({
        id: p.id,
        label: p.label,
        url: `${req.payload.config.routes.api}/users/oidc/${p.id}/start`,
      })),
    }),
}

/**
 * GET /api/users/oidc/:provider/start: to the provider with the authorization code flow, PKCE
 * (S256), state and nonce. State, nonce and PKCE verifier travel in a sealed, HttpOnly cookie
 * that only the callback reads.
 */
export const startOidcLogin: Endpoint = {
  path: '/oidc/:provider/start',
  method: 'get',
  handler: async (req) => {
    const provider = providerOf(req)
    if (!provider)
      return refuse(req, 'unknown-provider', undefined, String(req.routeParams?.provider))
    let configuration: client.Configuration
    try {
      configuration = await providerConfiguration(provider)
    } catch (error) {
      return refuse(
        req,
        isNetworkFailure(error) ? 'provider-unreachable' : 'rejected',
        provider,
        describe(error),
      )
    }
    const verifier = client.randomPKCECodeVerifier()
    const state = client.randomState()
    const nonce = client.randomNonce()
    const target = client.buildAuthorizationUrl(configuration, {
      redirect_uri: callbackUrl(req, provider).href,
      scope: provider.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    const sealed = sealLoginState(req.payload.secret, {
      provider: provider.id,
      state,
      nonce,
      verifier,
      expiresAt: Date.now() + OIDC_STATE_TTL_MS,
    })
    return redirect(target.href, [stateCookie(req, sealed, OIDC_STATE_TTL_MS / 1000)])
  },
}

function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}

/**
 * GET /api/users/oidc/:provider/callback: checks the provider's answer (state, PKCE, ID token
 * signature, issuer, audience, nonce, expiry: openid-client), requires a verified e-mail
 * address, finds or links or creates the account, and starts a session with Payload's cookie.
 */
export const finishOidcLogin: Endpoint = {
  path: '/oidc/:provider/callback',
  method: 'get',
  handler: async (req) => {
    const provider = providerOf(req)
    if (!provider)
      return refuse(req, 'unknown-provider', undefined, String(req.routeParams?.provider))
    const incoming = new URL(req.url ?? '', 'http://localhost')
    if (incoming.searchParams.has('error')) {
      return refuse(req, 'cancelled', provider, String(incoming.searchParams.get('error')))
    }
    const saved = openLoginState(
      req.payload.secret,
      parseCookies(req.headers).get(OIDC_STATE_COOKIE),
    )
    if (!saved || saved.provider !== provider.id || saved.expiresAt < Date.now()) {
      return refuse(
        req,
        'invalid-state',
        provider,
        saved ? 'expired or other provider' : 'no valid state cookie',
      )
    }
    let configuration: client.Configuration
    try {
      configuration = await providerConfiguration(provider)
    } catch (error) {
      return refuse(
        req,
        isNetworkFailure(error) ? 'provider-unreachable' : 'rejected',
        provider,
        describe(error),
      )
    }
    // The answer as the provider addressed it: our public callback address with its parameters.
    const current = callbackUrl(req, provider)
    current.search = incoming.search
    let identity: OidcIdentity
    try {
      const tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: saved.verifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      })
      const claims = tokens.claims()
      if (!claims) throw new Error('no ID token claims')
      const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)
      const merged: Record<string, unknown> = { ...info, ...claims }
      const email = typeof merged.email === 'string' ? merged.email.trim().toLowerCase() : ''
      if (!email || merged.email_verified !== true) {
        return await refuse(
          req,
          'email-unverified',
          provider,
          `email ${email || '(none)'} not verified`,
        )
      }
      identity = {
        issuer: claims.iss,
        subject: claims.sub,
        email,
        name: typeof merged.name === 'string' ? merged.name : null,
        roleValues: claimValues(merged[provider.roleClaim]),
      }
    } catch (error) {
      return refuse(
        req,
        isNetworkFailure(error) ? 'provider-unreachable' : 'rejected',
        provider,
        describe(error),
      )
    }

    const shouldCommit = await initTransaction(req)
    try {
      const user = await linkOidcAccount(req, provider, identity)
      if (user === 'register-empty') {
        await killTransaction(req)
        return await refuse(req, 'register-empty', provider, identity.email)
      }
      if (user.lockUntil && new Date(user.lockUntil).getTime() > Date.now()) {
        await killTransaction(req)
        return await refuse(req, 'locked', provider, identity.email, user)
      }
      const session = await startSession(req, user)
      await recordSignInEvent(req, user, {
        eventType: 'login_success',
        summary: `${user.name ?? user.email} ingelogd via ${provider.label}`,
        details: { method: 'oidc', provider: provider.id },
      })
      if (shouldCommit) await commitTransaction(req)
      return redirect(adminUrl(req, ''), [session.cookie, stateCookie(req, '', 0)])
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
}

/** Every OpenID Connect endpoint, for the users collection. */
export const oidcEndpoints: Endpoint[] = [listProviders, startOidcLogin, finishOidcLogin]

/** Whether http (not https) is acceptable for this issuer; see isLoopbackHttp. */
export { isLoopbackHttp }
