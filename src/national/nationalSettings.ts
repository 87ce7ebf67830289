/**
 * How the connector talks to the national register. Defaults come from the environment
 * (NATIONAL_REGISTER_URL, NATIONAL_REGISTER_TOKEN_URL and the tuning variables below); tests
 * replace them with setNationalSettings, as they replace the clock.
 */
export interface NationalSettings {
  /** Base address of the submission API, e.g. https://…/aanleverapi/v1_0 (no trailing slash). */
  apiUrl: string
  /** Keycloak token endpoint used when an organisation does not name its own. */
  tokenUrl: string
  /** Requests per client allowed in one window (the register allows about 25 a minute). */
  requestsPerWindow: number
  /** Length of that window in milliseconds. */
  windowMs: number
  /** First retry delay; each further failure doubles it. */
  retryBaseMs: number
  /** Longest delay between two attempts. */
  retryMaxMs: number
  /** A request that has not answered after this long counts as failed (and is retried). */
  timeoutMs: number
}

function numberFrom(value: string | undefined, fallback: number): number {
  const parsed = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed > 0
    ? parsed
    : fallback
}

function fromEnvironment(): NationalSettings {
  const env = process.env
  return {
    apiUrl: (env.NATIONAL_REGISTER_URL ?? '').replace(/\/+$/, ''),
    tokenUrl: env.NATIONAL_REGISTER_TOKEN_URL ?? '',
    requestsPerWindow: numberFrom(env.NATIONAL_REGISTER_REQUESTS_PER_MINUTE, 20),
    windowMs: 60_000,
    retryBaseMs: numberFrom(env.NATIONAL_REGISTER_RETRY_BASE_MS, 30_000),
    retryMaxMs: numberFrom(env.NATIONAL_REGISTER_RETRY_MAX_MS, 3_600_000),
    timeoutMs: numberFrom(env.NATIONAL_REGISTER_TIMEOUT_MS, 30_000),
  }
}

let override: Partial<NationalSettings> | undefined

/** The settings in force: the environment, with any test override on top. */
export function nationalSettings(): NationalSettings {
  return { ...fromEnvironment(), ...override }
}

/** Replaces settings (tests only); returns a function that restores the previous ones. */
export function setNationalSettings(settings: Partial<NationalSettings>): () => void {
  const previous = override
  override = { ...override, ...settings }
  return () => {
    override = previous
  }
}
