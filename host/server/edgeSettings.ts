/**
 * Limits of the HTTP edge, read once from the environment. Every limit has a default that suits
 * a municipal register on one small server; operators raise or lower them with the variables
 * named here (see the README, "Limits and protections").
 */
export interface EdgeSettings {
  /** Largest JSON (and form-encoded) request body in bytes. `MAX_JSON_BODY_BYTES`, default 1 MiB. */
  maxJsonBodyBytes: number
  /**
   * Largest multipart/form-data body in bytes: the admin sends its forms as multipart with the
   * document as JSON in a `_payload` field. `MAX_MULTIPART_BODY_BYTES`, default 2 MiB.
   */
  maxMultipartBodyBytes: number
  /** Deepest nesting of objects and arrays in a JSON body. `MAX_JSON_DEPTH`, default 100. */
  maxJsonDepth: number
  /** Requests per client address per window to the public API; 0 turns the limit off. */
  publicRateLimit: number
  /** `PUBLIC_RATE_LIMIT_WINDOW_SECONDS`, default 60. */
  publicRateWindowMs: number
  /** Failed logins per client address per window; 0 turns the limit off. */
  loginRateLimit: number
  /** `LOGIN_RATE_LIMIT_WINDOW_SECONDS`, default 900. */
  loginRateWindowMs: number
  /** Most aliases in one GraphQL operation. `GRAPHQL_MAX_ALIASES`, default 15. */
  graphqlMaxAliases: number
  /** Deepest GraphQL selection. `GRAPHQL_MAX_DEPTH`, default 10. */
  graphqlMaxDepth: number
  /**
   * Root query fields (e.g. aliased lists) that run at once in a process, over all GraphQL
   * requests; the rest wait. `GRAPHQL_MAX_CONCURRENT_FIELDS`, default 4.
   */
  graphqlMaxConcurrentFields: number
  /** A GraphQL request is cut off after this many milliseconds. `GRAPHQL_TIMEOUT_MS`, default 10000. */
  graphqlTimeoutMs: number
  /** Whether to send HSTS: only when the register is served over https. */
  https: boolean
}

function readNumber(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  { min = 0 }: { min?: number } = {},
): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`${name} moet een getal zijn van minstens ${min} (gekregen: '${raw}').`)
  }
  return value
}

/** Reads the edge's limits; a malformed value stops the start with a message naming it. */
export function edgeSettingsFromEnv(
  env: Record<string, string | undefined> = process.env,
): EdgeSettings {
  return {
    maxJsonBodyBytes: readNumber(env, 'MAX_JSON_BODY_BYTES', 1024 * 1024, { min: 1024 }),
    maxMultipartBodyBytes: readNumber(env, 'MAX_MULTIPART_BODY_BYTES', 2 * 1024 * 1024, {
      min: 1024,
    }),
    maxJsonDepth: readNumber(env, 'MAX_JSON_DEPTH', 100, { min: 2 }),
    publicRateLimit: readNumber(env, 'PUBLIC_RATE_LIMIT', 600),
    publicRateWindowMs: readNumber(env, 'PUBLIC_RATE_LIMIT_WINDOW_SECONDS', 60, { min: 1 }) * 1000,
    loginRateLimit: readNumber(env, 'LOGIN_RATE_LIMIT', 10),
    loginRateWindowMs: readNumber(env, 'LOGIN_RATE_LIMIT_WINDOW_SECONDS', 900, { min: 1 }) * 1000,
    graphqlMaxAliases: readNumber(env, 'GRAPHQL_MAX_ALIASES', 15, { min: 1 }),
    graphqlMaxDepth: readNumber(env, 'GRAPHQL_MAX_DEPTH', 10, { min: 2 }),
    graphqlMaxConcurrentFields: readNumber(env, 'GRAPHQL_MAX_CONCURRENT_FIELDS', 4, { min: 1 }),
    graphqlTimeoutMs: readNumber(env, 'GRAPHQL_TIMEOUT_MS', 10000, { min: 1 }),
    https: (env.SERVER_URL ?? '').startsWith('https://'),
  }
}
