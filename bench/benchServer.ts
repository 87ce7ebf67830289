/**
 * The register's real server (Payload, REST, public API; no admin) for the benchmark, started
 * as its own process so that its memory can be measured apart from the load generator.
 * Prints `LISTENING <port>`.
 *
 * BENCH_BARE_ALGORITHMS=1: the algorithms collection without the register's own work on reads
 * (collection hooks, field hooks, field access), so that the same REST list can be measured
 * with and without the plugin's overhead. Bench only; the schema is the same.
 */
import { getPayload, type Field, type SanitizedConfig } from 'payload'

import configPromise from '../payload.config'
import { createServer } from '../src/server/createServer'

/** Removes hooks and access from fields (not rich text: its editor's hooks are Payload's). */
function stripFields(fields: Field[]): void {
  for (const field of fields) {
    const record = field as unknown as Record<string, unknown>
    if (field.type !== 'richText') delete record.hooks
    delete record.access
    if ('fields' in field && Array.isArray(field.fields)) stripFields(field.fields)
    if (field.type === 'tabs') for (const tab of field.tabs) stripFields(tab.fields)
    if (field.type === 'blocks') for (const block of field.blocks) stripFields(block.fields)
  }
}

function withoutRegisterHooks(config: SanitizedConfig): SanitizedConfig {
  const algorithms = config.collections.find((collection) => collection.slug === 'algorithms')
  if (!algorithms) throw new Error('no algorithms collection')
  for (const key of Object.keys(algorithms.hooks) as Array<keyof typeof algorithms.hooks>)
    algorithms.hooks[key] = []
  stripFields(algorithms.fields)
  stripFields(algorithms.flattenedFields as unknown as Field[])
  return config
}

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
