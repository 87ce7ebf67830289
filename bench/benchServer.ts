/**
 * The register's real server (Payload, REST, public API; no admin) for the benchmark, started
 * as its own process so that its memory can be measured apart from the load generator.
 * Prints `LISTENING <port>`.
 *
 * BENCH_BARE_ALGORITHMS=1: the algorithms collection without the register's own work on reads
 * (collection hooks, field hooks, field access), so that the same REST list can be measured
 * with and without the plugin's overhead. Bench only; the schema is the same.
 */
import { getPayload } from 'payload'

import configPromise from '../payload.config'
import { createServer } from '../host/server/createServer'
import { withoutRegisterHooks } from './withoutRegisterHooks'

async function main(): Promise<void> {
  const loaded = await configPromise
  const config = process.env.BENCH_BARE_ALGORITHMS === '1' ? withoutRegisterHooks(loaded) : loaded
  const payload = await getPayload({ config })
  const server = await createServer({ payload, config, port: 0, admin: false, host: '127.0.0.1' })
  process.stdout.write(`LISTENING ${server.port}\n`)
  process.on('SIGTERM', () => {
    void server.close().finally(() => process.exit(0))
  })
}

main().catch((error: unknown) => {
  process.stderr.write(`benchServer failed: ${String((error as Error)?.stack ?? error)}\n`)
  process.exit(1)
})
