import type { SignInOptions } from '../auth/signInOptions'
import { DEFAULT_PUBLIC_PAGES_BASE_PATH } from '../publicPages/publicPagesBasePath'

/**
 * Options of the algorithmRegister plugin. Every option is optional.
 *
 * Languages are the host's: the plugin's labels carry Dutch and English text, and the host
 * decides with `i18n.supportedLanguages` and `i18n.fallbackLanguage` which ones the admin offers.
 */
export interface AlgorithmRegisterOptions {
  /**
   * Turn the register off while keeping it in the config. Its collections and fields stay, so
   * the database schema does not change; its hooks, endpoints, dashboard, job access rules and
   * platform-admin rules are not added, and the host's users collection keeps its own access.
   * @default true
   */
  enabled?: boolean
  /**
   * Default for new organisations: months after publication until a description must be
   * reviewed again. Each organisation can change it.
   * @default 12
   */
  reviewIntervalMonths?: number
  /**
   * Default for new organisations: someone other than the writer must approve.
   * @default true
   */
  fourEyesByDefault?: boolean
  /**
   * Public address of this register, used for links in e-mails and the Atom feed.
   * @default 'http://localhost:3000'
   */
  serverUrl?: string
  /**
   * Sender of notification e-mails.
   * @default { name: 'Algoritmeregister', address: 'noreply@algoritmeregister.local' }
   */
  sender?: { name: string; address: string }
  /**
   * Let the first account created on an empty database (Payload's first-register screen)
   * become platform admin. Meant for a stand-alone register; a host with its own admins leaves
   * it off and names its platform admins with `isPlatformAdmin` or the users' flag.
   * @default false
   */
  firstUserIsPlatformAdmin?: boolean
  /**
   * Which of the host's users run the whole register, besides users whose "Platformbeheerder"
   * flag is on (for example `(user) => user.roles?.includes('admin')`). Called with `req.user`
   * of the users collection; return true only for logged-in users.
   * @default undefined (only the flag counts)
   */
  isPlatformAdmin?: (user: unknown) => boolean
  /**
   * Slug of the host's users collection, the one the register adds its memberships and
   * platform-admin flag to. When the config has no collection with this slug, the register
   * adds its own users collection under it.
   * @default 'users'
   */
  usersSlug?: string
  /**
   * How people log in: password rules, two-factor authentication, session idle time and
   * OpenID Connect providers. See SignInOptions.
   * @default password login, second factor optional, 480 minutes idle time, no providers
   */
  signIn?: SignInOptions
  /**
   * The register's own public pages (search, descriptions, history, organisations) on NL Design
   * System, served by the bundled server under `basePath`. A host serves them with
   * `createPublicPagesHandler` from `/server`; the admin then shows the embed snippet.
   * `false` turns them off.
   * @default false
   */
  publicPages?: false | { basePath?: string }
}

/** The options after defaults are filled in (`isPlatformAdmin` stays optional). */
export type ResolvedRegisterOptions = Required<
  Omit<AlgorithmRegisterOptions, 'isPlatformAdmin' | 'signIn'>
> &
  Pick<AlgorithmRegisterOptions, 'isPlatformAdmin'>

export const DEFAULT_OPTIONS: Readonly<ResolvedRegisterOptions> = {
  enabled: true,
  reviewIntervalMonths: 12,
  fourEyesByDefault: true,
  serverUrl: 'http://localhost:3000',
  sender: { name: 'Algoritmeregister', address: 'noreply@algoritmeregister.local' },
  firstUserIsPlatformAdmin: false,
  usersSlug: 'users',
  publicPages: false,
}

// 'signIn' is checked by resolveSignInOptions (src/auth/signInOptions.ts).
const KNOWN_KEYS = [...Object.keys(DEFAULT_OPTIONS), 'isPlatformAdmin', 'signIn']

function fail(message: string): never {
  throw new Error(`algorithmRegister: ${message}`)
}

/**
 * Shows a wrong value the way it was written. JSON.stringify alone turns NaN into `null`,
 * drops functions and throws on a BigInt or a cyclic object, which would hide the real mistake.
 */
function shown(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'symbol') return value.toString()
  try {
    return JSON.stringify(value)
  } catch (_error) {
    return `an unprintable ${typeof value}`
  }
}

/**
 * Checks the options when the config is built (not per request) and fills in defaults.
 * Every problem names the option, what was given and what is expected.
 */
export function resolveRegisterOptions(input: unknown): ResolvedRegisterOptions {
  if (input === undefined) return { ...DEFAULT_OPTIONS }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    fail(
      `options must be an object, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`,
    )
  }
  const options = input as Record<string, unknown>
  for (const key of Object.keys(options)) {
    if (key === 'defaultLanguage') {
      fail(
        `'defaultLanguage' is not an option: languages are the host's, set i18n.fallbackLanguage in the Payload config.`,
      )
    }
    if (!KNOWN_KEYS.includes(key)) {
      fail(`unknown option '${key}'. Known options: ${KNOWN_KEYS.join(', ')}.`)
    }
  }
  const resolved: ResolvedRegisterOptions = { ...DEFAULT_OPTIONS }
  if (options.enabled !== undefined) {
    if (typeof options.enabled !== 'boolean')
      fail(`'enabled' must be true or false, got ${shown(options.enabled)}.`)
    resolved.enabled = options.enabled
  }
  if (options.reviewIntervalMonths !== undefined) {
    const months = options.reviewIntervalMonths
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 60) {
      fail(`'reviewIntervalMonths' must be a whole number from 1 to 60, got ${shown(months)}.`)
    }
    resolved.reviewIntervalMonths = months
  }
  if (options.fourEyesByDefault !== undefined) {
    if (typeof options.fourEyesByDefault !== 'boolean') {
      fail(`'fourEyesByDefault' must be true or false, got ${shown(options.fourEyesByDefault)}.`)
    }
    resolved.fourEyesByDefault = options.fourEyesByDefault
  }
  if (options.serverUrl !== undefined) {
    const url = options.serverUrl
    let ok = false
    if (typeof url === 'string') {
      try {
        const parsed = new URL(url)
        ok = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && !url.endsWith('/')
      } catch (_error) {
        ok = false
      }
    }
    if (!ok) fail(`'serverUrl' must be an http(s) URL without a trailing slash, got ${shown(url)}.`)
    resolved.serverUrl = url as string
  }
  if (options.sender !== undefined) {
    const sender = options.sender as { name?: unknown; address?: unknown } | null
    if (
      !sender ||
      typeof sender !== 'object' ||
      typeof sender.name !== 'string' ||
      sender.name.trim() === '' ||
      typeof sender.address !== 'string' ||
      !/^[^\s@]+@[^\s@]+$/.test(sender.address)
    ) {
      fail(
        `'sender' must be { name: string, address: an e-mail address }, got ${shown(options.sender)}.`,
      )
    }
    resolved.sender = { name: sender.name as string, address: sender.address as string }
  }
  if (options.firstUserIsPlatformAdmin !== undefined) {
    if (typeof options.firstUserIsPlatformAdmin !== 'boolean') {
      fail(
        `'firstUserIsPlatformAdmin' must be true or false, got ${shown(options.firstUserIsPlatformAdmin)}.`,
      )
    }
    resolved.firstUserIsPlatformAdmin = options.firstUserIsPlatformAdmin
  }
  if (options.usersSlug !== undefined) {
    const slug = options.usersSlug
    if (typeof slug !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(slug)) {
      fail(
        `'usersSlug' must be a collection slug (lower-case letters, digits, '-' or '_'), got ${shown(slug)}.`,
      )
    }
    resolved.usersSlug = slug
  }
  if (options.isPlatformAdmin !== undefined) {
    if (typeof options.isPlatformAdmin !== 'function') {
      fail(
        `'isPlatformAdmin' must be a function (user) => boolean, got ${shown(options.isPlatformAdmin)}.`,
      )
    }
    resolved.isPlatformAdmin = options.isPlatformAdmin as (user: unknown) => boolean
  }
  if (options.publicPages !== undefined) {
    const pages = options.publicPages as { basePath?: unknown } | false | null
    if (pages === false) {
      resolved.publicPages = false
    } else {
      const basePath = typeof pages === 'object' && pages !== null ? pages.basePath : undefined
      const keys = typeof pages === 'object' && pages !== null ? Object.keys(pages) : []
      if (
        typeof pages !== 'object' ||
        pages === null ||
        Array.isArray(pages) ||
        keys.some((key) => key !== 'basePath') ||
        (basePath !== undefined &&
          (typeof basePath !== 'string' || !/^(\/[a-z0-9][a-z0-9-]*)+$/.test(basePath)))
      ) {
        fail(
          `'publicPages' must be false or { basePath?: a path such as '/algoritmes' }, got ${shown(options.publicPages)}.`,
        )
      }
      resolved.publicPages = {
        basePath: (basePath as string | undefined) ?? DEFAULT_PUBLIC_PAGES_BASE_PATH,
      }
    }
  }
  return resolved
}
