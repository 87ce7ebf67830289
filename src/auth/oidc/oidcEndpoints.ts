import type { Endpoint } from 'payload'

/** OpenID Connect endpoints (filled in below). */
export const oidcEndpoints: Endpoint[] = []
