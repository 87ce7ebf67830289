import type { Payload, SanitizedConfig } from 'payload'

import { DEFAULT_OPTIONS, type ResolvedRegisterOptions } from './options'

/** The plugin's resolved options, kept on `config.custom` so hooks and fields can read them. */
export function registerOptionsOf(source: Payload | SanitizedConfig): ResolvedRegisterOptions {
  const config = 'config' in source ? source.config : source
  const stored = (config.custom as { algorithmRegister?: ResolvedRegisterOptions } | undefined)
    ?.algorithmRegister
  return stored ?? DEFAULT_OPTIONS
}
