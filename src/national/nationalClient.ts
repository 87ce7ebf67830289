import { nationalSettings } from './nationalSettings'
import type { NationalCredentials } from './credentialCipher'

/** What one organisation's connector needs to talk to the national register. */
export interface NationalConnection {
  /** Id of the connection row (caches are kept per connection). */
  id: number
  organisationCode: string
  credentials: NationalCredentials
}

/** How a failed call should be handled. */
export type FailureKind =
  /** The register or the network failed (5xx, 429, time-out): try again later. */
  | 'retry'
  /** The token endpoint refused the login: stop this organisation until new credentials. */
  | 'login'
  /** The register refused the token (401). */
  | 'unauthorised'
  /** The register refused the content (422). */
  | 'rejected'
  /** The register does not know the description (404). */
  | 'notFound'
  /** Anything else the register refused (4xx). */
  | 'refused'

export class NationalRequestError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    readonly body?: unknown,
  ) {
    super(message)
    this.name = 'NationalRequestError'
  }
}

interface CachedToken {
  token: string
  expiresAt: number
}

const tokens = new Map<number, CachedToken>()
const nextSlot = new Map<string, number>()

/** Drops a connection's cached token (after a 401, or when its credentials change). */
export function forgetToken(connectionId: number): void {
  tokens.delete(connectionId)
}

/** Test support: forget every token and every rate-limit slot. */
export function resetNationalClient(): void {
  tokens.clear()
  nextSlot.clear()
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Spaces the calls of one client evenly, so that it stays within the register's limit (about
 * 25 submissions a minute) however many deliveries are waiting. Each caller reserves the next
 * free slot and waits for it.
 */
async function pace(key: string): Promise<void> {
  const settings = nationalSettings()
  const interval = settings.windowMs / settings.requestsPerWindow
  const now = Date.now()
  const slot = Math.max(now, nextSlot.get(key) ?? 0)
  nextSlot.set(key, slot + interval)
  if (slot > now) await sleep(slot - now)
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function tokenUrlOf(connection: NationalConnection): string {
  return connection.credentials.tokenUrl || nationalSettings().tokenUrl
}

/** A bearer token for the connection: cached until shortly before it expires. */
export async function tokenFor(connection: NationalConnection): Promise<string> {
  const cached = tokens.get(connection.id)
  if (cached && cached.expiresAt > Date.now()) return cached.token
  const url = tokenUrlOf(connection)
  const { clientId, username, password } = connection.credentials
  if (!url || !clientId || !username || !password) {
    throw new NationalRequestError(
      'login',
      'De inloggegevens voor het landelijke Algoritmeregister zijn niet volledig ingesteld.',
    )
  }
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: clientId,
        username,
        password,
      }).toString(),
      signal: AbortSignal.timeout(nationalSettings().timeoutMs),
    })
  } catch (_error) {
    throw new NationalRequestError(
      'retry',
      'De tokendienst van het landelijke register antwoordt niet.',
    )
  }
  if (response.status >= 500 || response.status === 429) {
    throw new NationalRequestError(
      'retry',
      `De tokendienst van het landelijke register gaf een fout (${response.status}).`,
      response.status,
      retryAfterMs(response.headers.get('retry-after')),
    )
  }
  const body: unknown = await response.json().catch(() => undefined)
  const token =
    body && typeof body === 'object' ? (body as Record<string, unknown>).access_token : undefined
  if (!response.ok || typeof token !== 'string') {
    throw new NationalRequestError(
      'login',
      `Inloggen bij het landelijke Algoritmeregister is mislukt (${response.status}). Controleer de client-ID, gebruikersnaam en het wachtwoord en sla ze opnieuw op.`,
      response.status,
    )
  }
  const expiresIn = Number((body as Record<string, unknown>).expires_in) || 300
  tokens.set(connection.id, { token, expiresAt: Date.now() + Math.max(10, expiresIn - 30) * 1000 })
  return token
}

/** An answer of the register. */
export interface NationalResponse {
  status: number
  body: unknown
}

/**
 * One call to the submission API with the connection's bearer token, paced per client and
 * bounded by the time-out. Failures are thrown as NationalRequestError with their kind; a 401
 * drops the cached token so the next call logs in again.
 */
export async function callNational(
  connection: NationalConnection,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<NationalResponse> {
  const settings = nationalSettings()
  if (!settings.apiUrl) {
    throw new NationalRequestError(
      'refused',
      'Het adres van het landelijke Algoritmeregister is niet ingesteld (NATIONAL_REGISTER_URL).',
    )
  }
  const token = await tokenFor(connection)
  await pace(`${tokenUrlOf(connection)}|${connection.credentials.clientId ?? ''}`)
  let response: Response
  try {
    response = await fetch(`${settings.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(settings.timeoutMs),
    })
  } catch (error) {
    const timedOut = (error as { name?: string })?.name === 'TimeoutError'
    throw new NationalRequestError(
      'retry',
      timedOut
        ? `Het landelijke register antwoordde niet binnen ${Math.round(settings.timeoutMs / 1000)} seconden.`
        : 'Het landelijke register is niet bereikbaar.',
    )
  }
  const text = await response.text().catch(() => '')
  let parsed: unknown = undefined
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch (_error) {
    parsed = text
  }
  if (response.ok) return { status: response.status, body: parsed }
  const status = response.status
  if (status === 429 || status >= 500) {
    throw new NationalRequestError(
      'retry',
      status === 429
        ? 'Het landelijke register vraagt om minder aanvragen per minuut (429).'
        : `Het landelijke register gaf een serverfout (${status}).`,
      status,
      retryAfterMs(response.headers.get('retry-after')),
    )
  }
  if (status === 401) {
    forgetToken(connection.id)
    throw new NationalRequestError(
      'unauthorised',
      'Het landelijke register weigert de toegang (401). Controleer of dit account mag aanleveren voor deze organisatie.',
      status,
    )
  }
  if (status === 422) {
    throw new NationalRequestError('rejected', 'Afgewezen (422)', status, undefined, parsed)
  }
  if (status === 404) {
    throw new NationalRequestError(
      'notFound',
      'Het landelijke register kent deze beschrijving of organisatie niet (404).',
      status,
      undefined,
      parsed,
    )
  }
  throw new NationalRequestError(
    'refused',
    `Het landelijke register weigerde de aanvraag (${status}).`,
    status,
    undefined,
    parsed,
  )
}
