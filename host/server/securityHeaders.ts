import type { IncomingMessage, ServerResponse } from 'node:http'

import helmet, { contentSecurityPolicy } from 'helmet'

/**
 * Security headers on every answer (helmet): nosniff, a strict referrer policy, no framing by
 * other sites (`frame-ancestors 'self'` and X-Frame-Options SAMEORIGIN, so the admin cannot be
 * clickjacked) and HSTS only when the register is served over https. No script policy: the Next
 * admin relies on inline scripts. Cross-origin resource and opener policies stay off so the
 * public API keeps working for front ends on other sites (its CORS headers are its own).
 */
export function securityHeaders(options: {
  https: boolean
}): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // Only framing is restricted; a default-src would break the admin's inline scripts.
      directives: {
        'default-src': contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        'frame-ancestors': ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.https ? { maxAge: 31536000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'sameorigin' },
  })
}
