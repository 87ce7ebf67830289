import type { Endpoint, PayloadRequest } from 'payload'

import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { organisationIdsFor } from '../../access/organisationIdsFor'
import { HISTORY_ROLES } from '../../access/roles'
import { now } from '../clock'
import { localise, type Bilingual } from '../i18n/localise'
import { parseAuditPeriodBoundary } from './auditPeriod'
import {
  auditEventsToCsv,
  auditEventsToJson,
  collectAuditEvents,
  collectChainContext,
} from './exportAuditEvents'
import { writeAuditEvent } from './writeAuditEvent'

function problem(req: PayloadRequest, status: number, text: Bilingual): Response {
  return Response.json({ errors: [{ message: localise(req, text) }] }, { status })
}

/**
 * GET /api/audit-events/export?organisation=<id or code>&from=2026-01-01&to=2027-01-01&format=csv
 * for the organisation's admins and auditors, and platform admins (who may omit organisation).
 * `from` is inclusive, `to` exclusive; a bare date is midnight in the Netherlands. CSV is for
 * reading (UTF-8 with BOM); JSON holds the events exactly as stored plus the chain links needed
 * to re-verify them. The export itself is recorded in the history.
 */
export const auditExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) {
      return problem(req, 401, { nl: 'Log eerst in.', en: 'Log in first.' })
    }
    const params = req.searchParams
    const format = params.get('format') ?? 'csv'
    if (format !== 'csv' && format !== 'json') {
      return problem(req, 400, {
        nl: `Onbekend formaat '${format}': kies csv of json.`,
        en: `Unknown format '${format}': choose csv or json.`,
      })
    }
    const period: { from?: string; to?: string } = {}
    for (const key of ['from', 'to'] as const) {
      const value = params.get(key)
      if (!value) continue
      const moment = parseAuditPeriodBoundary(value)
      if (!moment) {
        return problem(req, 400, {
          nl: `'${key}' moet een datum zijn als 2026-01-31 (of een tijdstip als 2026-01-31T09:00:00Z), niet '${value}'.`,
          en: `'${key}' must be a date like 2026-01-31 (or a time like 2026-01-31T09:00:00Z), not '${value}'.`,
        })
      }
      period[key] = moment
    }
    if (period.from && period.to && period.from >= period.to) {
      return problem(req, 400, {
        nl: `'from' moet vóór 'to' liggen (de periode loopt van 'from' tot 'to', zonder 'to' zelf).`,
        en: `'from' must be before 'to' (the period runs from 'from' up to, not including, 'to').`,
      })
    }
    const organisationParam = params.get('organisation')
    let organisationId: number | null = null
    if (organisationParam) {
      if (/^\d+$/.test(organisationParam)) {
        organisationId = Number(organisationParam)
      } else {
        const found = await req.payload.find({
          collection: 'organisations',
          where: { code: { equals: organisationParam.toLowerCase() } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          req,
        })
        if (!found.docs[0]) {
          return problem(req, 404, {
            nl: `Organisatie '${organisationParam}' bestaat niet.`,
            en: `Organisation '${organisationParam}' does not exist.`,
          })
        }
        organisationId = found.docs[0].id
      }
    }
    const platformAdmin = isPlatformAdmin(req.user, req.payload)
    if (!platformAdmin) {
      if (organisationId === null) {
        return problem(req, 400, {
          nl: 'Geef aan van welke organisatie u de geschiedenis wilt (organisation=...).',
          en: 'Say which organisation’s history you want (organisation=...).',
        })
      }
      if (!organisationIdsFor(req.user, HISTORY_ROLES).includes(organisationId)) {
        return problem(req, 403, {
          nl: 'Alleen beheerders en auditors van deze organisatie kunnen de geschiedenis exporteren.',
          en: 'Only admins and auditors of this organisation can export its history.',
        })
      }
    }
    const query = { organisationId, ...period }
    const events = await collectAuditEvents(req.payload, query, {
      user: req.user,
      overrideAccess: false,
    })
    // Read before the export records itself, so the head is the chain as exported.
    const chain = format === 'json' ? await collectChainContext(req.payload, events) : undefined
    await writeAuditEvent(req, {
      eventType: 'export',
      summary: `Geschiedenis geëxporteerd (${events.length} gebeurtenissen, ${format})`,
      organisationId,
      details: { ...query, format, count: events.length },
    })
    const stamp = now().toISOString().slice(0, 10)
    // The parameter is typed by the caller: only safe characters go into the header.
    const scope = (organisationParam ?? 'alle').replace(/[^\w.-]/g, '_').slice(0, 40)
    const name = `geschiedenis-${scope}-${stamp}.${format}`
    const body =
      format === 'csv' ? auditEventsToCsv(events) : auditEventsToJson(events, query, chain)
    return new Response(body, {
      status: 200,
      headers: {
        'content-type':
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      },
    })
  },
}
