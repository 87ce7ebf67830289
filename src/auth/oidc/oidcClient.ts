import * as client from 'openid-client'

import type { OidcProviderOptions } from '../signInOptions'

const configurations = new Map<string, Promise<client.Configuration>>()

/** Plain http is accepted only for a provider on this machine (development and tests). */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer)
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
}

/**
 * The provider's configuration from its discovery document, read once per process and kept;
 * a failed read is forgotten so the next login tries again. openid-client checks that the
 * document's issuer is the configured one (an unknown issuer is refused).
 */
export function providerConfiguration(
  provider: Required<OidcProviderOptions>,
): Promise<client.Configuration> {
  const key = `${provider.id}\n${provider.issuer}\n${provider.clientId}`
  let found = configurations.get(key)
  if (!found) {
    found = client.discovery(
      new URL(provider.issuer),
      provider.clientId,
      { client_secret: provider.clientSecret, id_token_signed_response_alg: 'RS256' },
      client.ClientSecretPost(provider.clientSecret),
      {
        timeout: 10,
        // openid-client does not check the signature of an ID token from the token endpoint
        // unless asked (TLS alone would do, per the spec); the register always checks it.
        execute: [
          client.enableNonRepudiationChecks,
          ...(isLoopbackHttp(provider.issuer) ? [client.allowInsecureRequests] : []),
        ],
      },
    )
    configurations.set(key, found)
    found.catch(() => configurations.delete(key))
  }
  return found
}
