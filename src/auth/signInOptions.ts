import type { Payload } from 'payload'

/** One OpenID Connect provider (Entra ID, Keycloak, ADFS, ...) people can log in with. */
export interface OidcProviderOptions {
  /** Short id used in URLs and in role mappings, e.g. 'entra'. Letters, digits and dashes. */
  id: string
  /** The issuer URL; its `/.well-known/openid-configuration` is read at the first login. */
  issuer: string
  clientId: string
  clientSecret: string
  /** @default 'openid email profile' */
  scopes?: string
  /** Text on the login button, e.g. 'Inloggen met uw Gemeente-account'. */
  label: string
  /** Claim in the ID token or userinfo with role values for the organisations' role mappings. @default 'roles' */
  roleClaim?: string
}

/** Register-wide sign-in settings. Organisations add their own on top (stricter only). */
export interface SignInOptions {
  /** Allow login with e-mail and password. @default true */
  passwordLogin?: boolean
  /** Platform admins must use a second factor with their password. @default false */
  platformAdminSecondFactor?: boolean
  /** Minutes without activity after which a session ends. @default 480 */
  sessionIdleMinutes?: number
  /** OpenID Connect providers shown as buttons on the login page. @default [] */
  oidcProviders?: OidcProviderOptions[]
  /** Name shown in authenticator apps. @default 'Algoritmeregister' */
  totpIssuer?: string
}

export type ResolvedSignInOptions = Required<Omit<SignInOptions, 'oidcProviders'>> & {
  oidcProviders: Array<Required<OidcProviderOptions>>
}

export const DEFAULT_SIGN_IN: Readonly<ResolvedSignInOptions> = {
  passwordLogin: true,
  platformAdminSecondFactor: false,
  sessionIdleMinutes: 480,
  oidcProviders: [],
  totpIssuer: 'Algoritmeregister',
}

const KNOWN = [
  'passwordLogin',
  'platformAdminSecondFactor',
  'sessionIdleMinutes',
  'oidcProviders',
  'totpIssuer',
]
const PROVIDER_KNOWN = ['id', 'issuer', 'clientId', 'clientSecret', 'scopes', 'label', 'roleClaim']

function fail(message: string): never {
  throw new Error(`algorithmRegister: signIn.${message}`)
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

function resolveProvider(input: unknown, index: number): Required<OidcProviderOptions> {
  const at = `oidcProviders[${index}]`
  if (!input || typeof input !== 'object' || Array.isArray(input)) fail(`${at} must be an object.`)
  const provider = input as Record<string, unknown>
  for (const key of Object.keys(provider)) {
    if (!PROVIDER_KNOWN.includes(key))
      fail(`${at} has unknown key '${key}'. Known: ${PROVIDER_KNOWN.join(', ')}.`)
  }
  if (!nonEmpty(provider.id) || !/^[a-z0-9-]{1,40}$/.test(provider.id)) {
    fail(`${at}.id must be 1 to 40 lower-case letters, digits or dashes.`)
  }
  let issuerOk = false
  if (nonEmpty(provider.issuer)) {
    try {
      const url = new URL(provider.issuer)
      issuerOk = url.protocol === 'https:' || url.protocol === 'http:'
    } catch (_error) {
      issuerOk = false
    }
  }
  if (!issuerOk) fail(`${at}.issuer must be an http(s) URL.`)
  for (const key of ['clientId', 'clientSecret', 'label'] as const) {
    if (!nonEmpty(provider[key])) fail(`${at}.${key} must be a non-empty text.`)
  }
  if (provider.scopes !== undefined && !nonEmpty(provider.scopes))
    fail(`${at}.scopes must be a text.`)
  if (provider.roleClaim !== undefined && !nonEmpty(provider.roleClaim))
    fail(`${at}.roleClaim must be a text.`)
  const scopes = (provider.scopes as string | undefined) ?? 'openid email profile'
  if (!scopes.split(/\s+/).includes('openid')) fail(`${at}.scopes must include 'openid'.`)
  return {
    id: provider.id,
    issuer: provider.issuer as string,
    clientId: provider.clientId as string,
    clientSecret: provider.clientSecret as string,
    label: provider.label as string,
    scopes,
    roleClaim: (provider.roleClaim as string | undefined) ?? 'roles',
  }
}

/** Checks the `signIn` option when the config is built and fills in defaults. */
export function resolveSignInOptions(input: unknown): ResolvedSignInOptions {
  if (input === undefined) return { ...DEFAULT_SIGN_IN, oidcProviders: [] }
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new Error('algorithmRegister: signIn must be an object.')
  }
  const options = input as Record<string, unknown>
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) fail(`unknown option '${key}'. Known: ${KNOWN.join(', ')}.`)
  }
  const resolved: ResolvedSignInOptions = { ...DEFAULT_SIGN_IN, oidcProviders: [] }
  for (const key of ['passwordLogin', 'platformAdminSecondFactor'] as const) {
    if (options[key] === undefined) continue
    if (typeof options[key] !== 'boolean') fail(`${key} must be true or false.`)
    resolved[key] = options[key]
  }
  if (options.sessionIdleMinutes !== undefined) {
    const minutes = options.sessionIdleMinutes
    if (
      typeof minutes !== 'number' ||
      !Number.isInteger(minutes) ||
      minutes < 5 ||
      minutes > 1440
    ) {
      fail('sessionIdleMinutes must be a whole number from 5 to 1440.')
    }
    resolved.sessionIdleMinutes = minutes
  }
  if (options.totpIssuer !== undefined) {
    if (!nonEmpty(options.totpIssuer)) fail('totpIssuer must be a non-empty text.')
    resolved.totpIssuer = options.totpIssuer
  }
  if (options.oidcProviders !== undefined) {
    if (!Array.isArray(options.oidcProviders)) fail('oidcProviders must be a list.')
    resolved.oidcProviders = options.oidcProviders.map(resolveProvider)
    const ids = resolved.oidcProviders.map((p) => p.id)
    const double = ids.find((id, index) => ids.indexOf(id) !== index)
    if (double) fail(`oidcProviders has the id '${double}' twice.`)
  }
  if (!resolved.passwordLogin && resolved.oidcProviders.length === 0) {
    fail('passwordLogin cannot be false without oidcProviders: nobody could log in.')
  }
  return resolved
}

/**
 * Register-wide sign-in settings from the environment, for the bundled host:
 * PASSWORD_LOGIN=false, PLATFORM_ADMIN_SECOND_FACTOR=true, SESSION_IDLE_MINUTES=60 and
 * OIDC_PROVIDERS (a JSON list of providers). Unset variables leave the defaults.
 */
export function signInOptionsFromEnv(env: NodeJS.ProcessEnv): SignInOptions {
  const options: SignInOptions = {}
  const flag = (name: string): boolean | undefined => {
    const value = env[name]?.trim().toLowerCase()
    if (value === undefined || value === '') return undefined
    if (value === 'true') return true
    if (value === 'false') return false
    throw new Error(`${name} must be true or false, got '${env[name]}'.`)
  }
  const password = flag('PASSWORD_LOGIN')
  if (password !== undefined) options.passwordLogin = password
  const platformAdmins = flag('PLATFORM_ADMIN_SECOND_FACTOR')
  if (platformAdmins !== undefined) options.platformAdminSecondFactor = platformAdmins
  if (env.SESSION_IDLE_MINUTES?.trim())
    options.sessionIdleMinutes = Number(env.SESSION_IDLE_MINUTES)
  if (env.OIDC_PROVIDERS?.trim()) {
    try {
      options.oidcProviders = JSON.parse(env.OIDC_PROVIDERS) as OidcProviderOptions[]
    } catch (_error) {
      throw new Error(
        'OIDC_PROVIDERS must be a JSON list of providers; it could not be read as JSON.',
      )
    }
  }
  return options
}

/** The resolved sign-in settings, as the plugin stored them on the config. */
export function signInOptionsOf(payload: Payload): ResolvedSignInOptions {
  const stored = (
    payload.config.custom as { algorithmRegisterSignIn?: ResolvedSignInOptions } | undefined
  )?.algorithmRegisterSignIn
  return stored ?? DEFAULT_SIGN_IN
}
