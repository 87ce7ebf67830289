import type { Endpoint } from 'payload'

import type { Algorithm } from '../../payload-types'
import { rolesIn } from '../../access/rolesIn'
import { localise } from '../i18n/localise'
import { registerOptionsOf } from '../plugin/registerOptionsOf'
import { createPreviewToken, PREVIEW_LIFETIME_MS, previewKey } from './previewToken'
import { publicPagesBasePath } from './publicPagesBasePath'

/**
 * GET /api/algorithms/:id/preview-link: a signed link, valid for seven days, that shows the
 * version waiting for review as the public pages will show it. For reviewers of the algorithm's
 * organisation, while the public pages are on.
 */
export const previewLinkEndpoint: Endpoint = {
  path: '/:id/preview-link',
  method: 'get',
  handler: async (req) => {
    const fail = (status: number, nl: string, en: string) =>
      Response.json({ errors: [{ message: localise(req, { nl, en }) }] }, { status })
    const options = registerOptionsOf(req.payload)
    const basePath = publicPagesBasePath(options.publicPages)
    if (!basePath) {
      return fail(404, "De publieke pagina's staan uit.", 'The public pages are turned off.')
    }
    if (!req.user) return fail(401, 'Log eerst in.', 'Log in first.')
    const raw = req.routeParams?.id
    const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined
    const doc = id
      ? ((await req.payload
          .findByID({
            collection: 'algorithms',
            id,
            depth: 0,
            overrideAccess: false,
            user: req.user,
            req,
          })
          .catch(() => null)) as Algorithm | null)
      : null
    if (!doc)
      return fail(404, 'Deze beschrijving bestaat niet.', 'This description does not exist.')
    const organisation =
      typeof doc.organization === 'object' && doc.organization
        ? doc.organization.id
        : doc.organization
    if (
      typeof organisation !== 'number' ||
      !rolesIn(req.user, organisation).includes('goedkeurder')
    ) {
      return fail(
        403,
        'Alleen goedkeurders van deze organisatie kunnen een voorbeeldlink maken.',
        'Only reviewers of this organisation can make a preview link.',
      )
    }
    if (doc.workflow?.state !== 'ter_beoordeling') {
      return fail(
        409,
        'Er is alleen een voorbeeld van een versie die wacht op beoordeling.',
        'There is a preview only of a version waiting for review.',
      )
    }
    const expiresAt = Date.now() + PREVIEW_LIFETIME_MS
    const token = createPreviewToken(previewKey(req.payload.secret), {
      algorithmId: doc.id,
      organisationId: organisation,
      expiresAt,
    })
    return Response.json({
      url: `${options.serverUrl}${basePath}/voorbeeld/${token}`,
      expiresAt: new Date(expiresAt).toISOString(),
    })
  },
}
