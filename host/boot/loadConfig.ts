import type { SanitizedConfig } from 'payload'

/**
 * Loads payload.config.ts after the caller has set DATABASE_URL and PAYLOAD_SECRET (the config
 * reads them when it is evaluated). A literal specifier, so scripts/run.mjs bundles it.
 */
export async function loadConfig(): Promise<SanitizedConfig> {
  const configModule = await import('../../payload.config')
  return configModule.default
}
