/**
 * A second, real register process for the public API's multi-process tests: Payload and the
 * Express server (without the admin) on a free port, against DATABASE_URL. Prints
 * `LISTENING <port>` when ready and stops cleanly on SIGTERM.
 */
import { getPayload } from 'payload'

import configPromise from '../../payload.config'
import { createServer } from '../../host/server/createServer'

async function main(): Promise<void> {
  const config = await configPromise
  const payload = await getPayload({ config })
  const server = await createServer({ payload, config, port: 0, admin: false, host: '127.0.0.1' })
  process.stdout.write(`LISTENING ${server.port}\n`)
  const stop = () => {
    void server.close().finally(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`publicApiServer failed: ${String((error as Error)?.stack ?? error)}\n`)
  process.exit(1)
})
