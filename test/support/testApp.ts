import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import configPromise from '../../payload.config'
import { closePayloadPool } from '../../src/database/closePayloadPool'
import { createServer, type RunningServer } from '../../host/server/createServer'

export interface TestApp {
  payload: Payload
  config: SanitizedConfig
  server: RunningServer
  url: string
}

let shared: Promise<TestApp> | undefined

/**
 * Real Payload on the run's test database, behind the real Express server (without the Next
 * admin, which has its own test). One per test file.
 */
export function testApp(): Promise<TestApp> {
  shared ??= (async () => {
    const config = await configPromise
    const payload = await getPayload({ config })
    const server = await createServer({ payload, config, port: 0, admin: false, host: '127.0.0.1' })
    return { payload, config, server, url: `http://127.0.0.1:${server.port}` }
  })()
  return shared
}

/**
 * Closes this file's HTTP server and database pool. Every test file runs in its own module
 * context, so it has its own Payload instance and pool to close.
 */
export async function closeTestApp(): Promise<void> {
  if (!shared) return
  const app = await shared
  shared = undefined
  await app.server.close()
  // Payload keeps one client checked out, so the pool may never end: give it a moment.
  await closePayloadPool(app.payload, 500)
}
