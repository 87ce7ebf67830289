import http from 'node:http'
import type { AddressInfo } from 'node:net'

import Provider from 'oidc-provider'

/** A person at the test identity provider. */
export interface TestAccount {
  email?: string
  email_verified?: boolean
  name?: string
  roles?: string[]
}

export interface TestIdentityProvider {
  /** Issuer URL (the front server, which can tamper with answers). */
  issuer: string
  clientId: string
  clientSecret: string
  /** People who can log in, by subject. */
  accounts: Map<string, TestAccount>
  /** The subject the next login interaction signs in as. */
  loginAs(subject: string): void
  /** Make the token endpoint's ID token carry a broken signature. */
  tamperIdToken: boolean
  /** Serve this path as a discovery document whose issuer is the real one (an unknown issuer). */
  readonly foreignIssuerPath: string
  close(): Promise<void>
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function brokenSignature(idToken: string): string {
  const [header, payload, signature] = idToken.split('.')
  if (!header || !payload || !signature) return idToken
  const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`
  return `${header}.${payload}.${flipped}`
}

/**
 * The certified `oidc-provider` as a real OpenID provider on a local port, with one
 * confidential client for the register. Login interactions finish at once as the subject set
 * with loginAs (no forms), and consent is granted for the requested scopes. A small front server
 * forwards every request and can, when asked, break the ID token's signature or serve a
 * discovery document for an issuer that is not the one configured.
 */
export async function startTestIdentityProvider(
  redirectUri: string,
): Promise<TestIdentityProvider> {
  const accounts = new Map<string, TestAccount>()
  let subject = ''
  const front = http.createServer()
  const frontPort = await listen(front)
  const issuer = `http://127.0.0.1:${frontPort}`
  const clientId = 'algoritmeregister'
  const clientSecret = 'test-client-secret-that-is-long-enough'

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key'] },
    async findAccount(_ctx, id) {
      const account = accounts.get(id)
      if (!account) return undefined
      return { accountId: id, claims: async () => ({ sub: id, ...account }) }
    },
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId
      const client = ctx.oidc.client
      if (!accountId || !client) return undefined
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  const handle = provider.callback()
  const inner = http.createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      provider
        .interactionFinished(
          req,
          res,
          { login: { accountId: subject } },
          {
            mergeWithLastSubmission: false,
          },
        )
        .catch((error: unknown) => {
          res.statusCode = 500
          res.end(String(error))
        })
      return
    }
    handle(req, res)
  })
  const innerPort = await listen(inner)

  const state: TestIdentityProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    loginAs(next) {
      subject = next
    },
    tamperIdToken: false,
    foreignIssuerPath: '/vreemd',
    async close() {
      await Promise.all(
        [front, inner].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections()
              server.close(() => resolve())
            }),
        ),
      )
    },
  }

  front.on('request', (req, res) => {
    const path = req.url ?? '/'
    const forwardedPath = path.startsWith(`${state.foreignIssuerPath}/`)
      ? path.slice(state.foreignIssuerPath.length)
      : path
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: innerPort,
        path: forwardedPath,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        const rewrite = (path.startsWith('/token') && state.tamperIdToken) || forwardedPath !== path
        if (!rewrite) {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          let body = Buffer.concat(chunks).toString('utf8')
          if (path.startsWith('/token')) {
            const parsed = JSON.parse(body) as { id_token?: string }
            if (parsed.id_token) parsed.id_token = brokenSignature(parsed.id_token)
            body = JSON.stringify(parsed)
          }
          const headers = { ...answer.headers }
          delete headers['content-length']
          res.writeHead(answer.statusCode ?? 502, headers)
          res.end(body)
        })
      },
    )
    req.pipe(upstream)
  })
  return state
}

/** Cookies a client keeps between requests to one server (name → value). */
export class CookieJar {
  private readonly cookies = new Map<string, string>()

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair?.indexOf('=') ?? -1
      if (!pair || index < 1) continue
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value)
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}
