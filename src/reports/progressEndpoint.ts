import type { Endpoint, PayloadRequest } from 'payload'

import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { organisationIdsFor } from '../../access/organisationIdsFor'
import { now } from '../clock'
import { localise, type Bilingual } from '../i18n/localise'
import { progressReport } from './progressReport'
import { progressReportCsv } from './progressReportCsv'

function error(req: PayloadRequest, status: number, text: Bilingual): Response {
  return Response.json({ errors: [{ message: localise(req, text) }] }, { status })
}

/** The organisation ids in `?organisation=<id|code>`, or undefined when no filter was asked for. */
async function requestedOrganisation(
  req: PayloadRequest,
  value: string,
): Promise<number | undefined> {
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const found = await req.payload.find({
    collection: 'organisations',
    where: { code: { equals: trimmed.toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs[0]?.id
}

/**
 * GET /api/algorithms/progress?organisation=<id|code>&format=json|csv
 *
 * The progress report (see progressReport). Members see their own organisations (any role),
 * platform admins every organisation; anonymous callers get 401. `organisation` narrows the
 * report to one organisation the caller may see (404 otherwise).
 */
export const progressEndpoint: Endpoint = {
  path: '/progress',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return error(req, 401, { nl: 'Log eerst in.', en: 'Log in first.' })
    const format = (req.searchParams.get('format') ?? 'json').toLowerCase()
    if (format !== 'json' && format !== 'csv') {
      return error(req, 400, {
        nl: `Onbekend formaat '${format}'. Kies format=json of format=csv.`,
        en: `Unknown format '${format}'. Choose format=json or format=csv.`,
      })
    }
    const admin = isPlatformAdmin(req.user, req.payload)
    const own = organisationIdsFor(req.user)
    if (!admin && own.length === 0) {
      return error(req, 403, {
        nl: 'U bent geen lid van een organisatie, dus er is geen voortgang om te tonen.',
        en: 'You are not a member of any organisation, so there is no progress to show.',
      })
    }
    let ids: number[] | undefined = admin ? undefined : own
    const filter = req.searchParams.get('organisation')
    if (filter !== null && filter.trim() !== '') {
      const id = await requestedOrganisation(req, filter)
      if (id === undefined || (!admin && !own.includes(id))) {
        return error(req, 404, {
          nl: `Organisatie '${filter}' bestaat niet, of u bent er geen lid van.`,
          en: `Organisation '${filter}' does not exist, or you are not a member of it.`,
        })
      }
      ids = [id]
    }
    const report = await progressReport(req, { organisationIds: ids, at: now() })
    if (admin && ids && report.organisations.length === 0) {
      return error(req, 404, {
        nl: `Organisatie '${filter}' bestaat niet.`,
        en: `Organisation '${filter}' does not exist.`,
      })
    }
    if (format === 'csv') {
      const day = report.generatedAt.slice(0, 10)
      return new Response(progressReportCsv(report), {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="voortgang-algoritmeregister-${day}.csv"`,
          'cache-control': 'no-store',
        },
      })
    }
    return Response.json(report, { headers: { 'cache-control': 'no-store' } })
  },
}
