/**
 * `npm run audit:export -- --organisation gm0363 --from 2026-01-01 --to 2027-01-01 --format csv
 * [--out file]`: the same export as GET /api/audit-events/export, for someone with access to
 * the server instead of an account (DATABASE_URL or the embedded database under DATA_DIR).
 * Without --out the file goes to standard output. The export is recorded in the history.
 */
import { loadConfig } from '../boot/loadConfig'
import fs from 'node:fs'
import path from 'node:path'

import { createLocalReq, getPayload, type Payload, type Where } from 'payload'

import { parseAuditPeriodBoundary } from '../../src/audit/auditPeriod'
import {
  auditEventsToCsv,
  auditEventsToJson,
  collectAuditEvents,
  collectChainContext,
  type AuditExportQuery,
} from '../../src/audit/exportAuditEvents'
import { writeAuditEvent } from '../../src/audit/writeAuditEvent'
import { ensurePayloadSecret, readRuntimeSettings } from '../boot/runtimeSettings'
import { openDatabase } from '../../src/database/openDatabase'
import { closePayloadPool } from '../../src/database/closePayloadPool'
import { cliLogger } from '../../src/logging/registerLogger'
import { CommandLineError, parseCommandLine } from './parseCommandLine'
import { reportStartFailure } from './reportStartFailure'
import { runCommand } from './runCommand'

const USAGE = `Gebruik / usage:
  npm run audit:export -- [--organisation <code of id>] [--from 2026-01-01] [--to 2027-01-01]
                          [--format csv|json] [--out bestand]

  --organisation  alleen deze organisatie (code zoals gm0363, of id); zonder: alles
                  only this organisation (code like gm0363, or id); without: everything
  --from / --to   periode; 'from' telt mee, 'to' niet; een datum is middernacht in Nederland
                  period; 'from' included, 'to' not; a date means midnight in the Netherlands
  --format        csv (standaard / default) of json (opnieuw te controleren / re-verifiable)
  --out           schrijf naar dit bestand in plaats van naar het scherm / write to this file`

class UsageError extends Error {}

interface ExportArguments {
  organisation?: string
  query: Omit<AuditExportQuery, 'organisationId'>
  format: 'csv' | 'json'
  out?: string
}

function readArguments(): ExportArguments | 'help' {
  const { values } = parseCommandLine(
    process.argv.slice(2),
    {
      organisation: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { allowPositionals: false },
  )
  if (values.help) return 'help'
  const format = values.format ?? 'csv'
  if (format !== 'csv' && format !== 'json') {
    throw new UsageError(`Onbekend formaat '${format}': kies csv of json.`)
  }
  const query: Omit<AuditExportQuery, 'organisationId'> = {}
  for (const key of ['from', 'to'] as const) {
    const value = values[key]
    if (value === undefined) continue
    const moment = parseAuditPeriodBoundary(value)
    if (!moment) {
      throw new UsageError(`--${key} moet een datum zijn als 2026-01-31, niet '${value}'.`)
    }
    query[key] = moment
  }
  if (query.from && query.to && query.from >= query.to) {
    throw new UsageError('--from moet vóór --to liggen.')
  }
  return { organisation: values.organisation, query, format, out: values.out }
}

async function organisationIdFor(payload: Payload, value: string): Promise<number> {
  const where: Where = /^\d+$/.test(value)
    ? { id: { equals: Number(value) } }
    : { code: { equals: value.toLowerCase() } }
  const found = await payload.find({
    collection: 'organisations',
    where,
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (!found.docs[0]) {
    throw new UsageError(`Organisatie '${value}' bestaat niet / organisation does not exist.`)
  }
  return found.docs[0].id
}

async function main(): Promise<number> {
  const parsed = readArguments()
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const settings = readRuntimeSettings()
  ensurePayloadSecret(settings)
  const database = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    embeddedPort: settings.embeddedPort,
  })
  process.env.DATABASE_URL = database.url
  let payload: Payload | undefined
  try {
    const config = await loadConfig()
    payload = await getPayload({ config })
    const organisationId = parsed.organisation
      ? await organisationIdFor(payload, parsed.organisation)
      : null
    const query: AuditExportQuery = { organisationId, ...parsed.query }
    const events = await collectAuditEvents(payload, query, { overrideAccess: true })
    const chain = parsed.format === 'json' ? await collectChainContext(payload, events) : undefined
    const body =
      parsed.format === 'csv' ? auditEventsToCsv(events) : auditEventsToJson(events, query, chain)

    // Recorded like an export through the API; the actor is the system (no account).
    const req = await createLocalReq({ context: {} }, payload)
    await writeAuditEvent(req, {
      eventType: 'export',
      summary: `Geschiedenis geëxporteerd via de opdrachtregel (${events.length} gebeurtenissen, ${parsed.format})`,
      organisationId,
      details: { ...query, format: parsed.format, count: events.length, via: 'cli' },
    })

    if (parsed.out) {
      fs.writeFileSync(path.resolve(parsed.out), body)
      cliLogger.info(
        `${events.length} gebeurtenissen geschreven naar / events written to ${path.resolve(parsed.out)}`,
      )
    } else {
      // process.exit would cut off a large export still on its way through a pipe.
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(body, (error) => (error ? reject(error) : resolve())),
      )
    }
    return 0
  } finally {
    if (payload) await closePayloadPool(payload)
    await database.stop()
  }
}

runCommand(main, (error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`)
  } else if (error instanceof CommandLineError) {
    process.stderr.write(`${error.text.nl}\n${error.text.en}\n\n${USAGE}\n`)
  } else {
    reportStartFailure(error)
  }
  return 1
})
