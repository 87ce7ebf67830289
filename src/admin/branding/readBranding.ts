import type { Payload } from 'payload'

/** The register's name and logo as the graphics show them. */
export interface Branding {
  registerName: string
  organisationName: string | null
  logoUrl: string | null
}

const DEFAULT_NAME = 'Algoritmeregister'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/**
 * Reads the branding settings on the server, also before anyone is logged in (the login page).
 * A register without settings, or whose settings cannot be read, is called "Algoritmeregister".
 */
export async function readBranding(payload: Payload | undefined): Promise<Branding> {
  const fallback = { registerName: DEFAULT_NAME, organisationName: null, logoUrl: null }
  if (!payload) return fallback
  try {
    const settings = await payload.findGlobal({ slug: 'register-settings', depth: 0 })
    return {
      registerName: text(settings.registerName) ?? DEFAULT_NAME,
      organisationName: text(settings.organisationName),
      logoUrl: text(settings.logoUrl),
    }
  } catch (_error) {
    return fallback
  }
}
