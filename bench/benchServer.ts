/**
 * The register's real server (Payload, REST, public API; no admin) for the benchmark, started
 * as its own process so that its memory can be measured apart from the load generator.
 * Prints `LISTENING <port>`.
 *
 * With BENCH_FAST_PATH=1 it previews a proposed change to createServer: cached public answers
 * are served from the HTTP server's request handler before Express (PublicApiRouter.serveCached).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { getPayload } from 'payload'

import configPromise from '../payload.config'
import { publicApiRouterOf } from '../src/publicApi/createPublicApiRouter'
import { createServer } from '../src/server/createServer'

type Listener = (req: IncomingMessage, res: ServerResponse) => void

async function main(): Promise<void> {
  const config = await configPromise
  const payload = await getPayload({ config })
  const server = await createServer({ payload, config, port: 0, admin: false, host: '127.0.0.1' })
  const router = publicApiRouterOf(payload)
  if (process.env.BENCH_FAST_PATH === '1' && router) {
    const express = server.server.listeners('request') as Listener[]
    server.server.removeAllListeners('request')
    server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (router.serveCached(req, res)) return
      for (const listener of express) listener(req, res)
    })
  }
  process.stdout.write(`LISTENING ${server.port}\n`)
  process.on('SIGTERM', () => {
    void server.close().finally(() => process.exit(0))
  })
}

main().catch((error: unknown) => {
  process.stderr.write(`benchServer failed: ${String((error as Error)?.stack ?? error)}\n`)
  process.exit(1)
})
