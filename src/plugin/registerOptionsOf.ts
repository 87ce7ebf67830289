import type { Payload, SanitizedConfig } from 'payload'

import { DEFAULT_OPTIONS, type ResolvedRegisterOptions } from './options'

/** The plugin's resolved options, kept on `config.custom` so hooks and fields can read them. */
export function registerOptionsOf(source: Payload | SanitizedConfig): ResolvedRegisterOptions {
  const config = 'config' in source ? source.config : source
  const stored = (config.custom as { algorithmRegister?: ResolvedRegisterOptions } | undefined)
    ?.algorithmRegister
  return stored ?? DEFAULT_OPTIONS
}

/**
 * The slug of the users collection the register works with (the `usersSlug` option). Typed as
 * the generated `'users'` slug: whatever the host calls it, the register's fields on it are the
 * same, so the Local API's types for `'users'` describe what the register reads and writes.
 */
export function usersSlugOf(source: Payload | SanitizedConfig): 'users' {
  return registerOptionsOf(source).usersSlug as 'users'
}
