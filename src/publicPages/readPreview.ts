import type { Payload } from 'payload'

import type { Algorithm, Organisation } from '../../payload-types'
import { rolesIn } from '../../access/rolesIn'
import { buildPublicRecord } from '../publicApi/publicRecord'
import { previewKey, verifyPreviewToken } from './previewToken'

/** What a preview request gives: the record as it would be published, or why not. */
export type PreviewResult =
  | { ok: true; record: Record<string, unknown>; organisationCode: string; lars: string }
  | { ok: false; status: 401 | 403 | 404 | 409; reason: string }

function organisationId(doc: Algorithm): number | undefined {
  const organisation = doc.organization
  return typeof organisation === 'object' && organisation
    ? organisation.id
    : (organisation ?? undefined)
}

/**
 * The submitted version behind a preview token, as the public would see it once approved: the
 * same public record that approval builds (internal fields never read). Only for a logged-in
 * reviewer (goedkeurder) of the algorithm's organisation, with a valid, unexpired signature, while
 * the version waits for review.
 */
export async function readPreview(
  payload: Payload,
  token: string,
  headers: Headers,
  now = Date.now(),
): Promise<PreviewResult> {
  const grant = verifyPreviewToken(previewKey(payload.secret), token, now)
  if (grant === 'expired') {
    return {
      ok: false,
      status: 403,
      reason: 'Deze voorbeeldlink is verlopen. Vraag een nieuwe aan.',
    }
  }
  if (typeof grant === 'string') {
    return { ok: false, status: 403, reason: 'Deze voorbeeldlink klopt niet.' }
  }
  const { user } = await payload.auth({ headers })
  if (!user) {
    return {
      ok: false,
      status: 401,
      reason: 'Log eerst in als goedkeurder van deze organisatie en open de link dan opnieuw.',
    }
  }
  if (!rolesIn(user, grant.organisationId).includes('goedkeurder')) {
    return {
      ok: false,
      status: 403,
      reason:
        'Alleen goedkeurders van de organisatie van deze beschrijving kunnen dit voorbeeld zien.',
    }
  }
  const doc = (await payload
    .findByID({ collection: 'algorithms', id: grant.algorithmId, depth: 0, overrideAccess: true })
    .catch(() => null)) as Algorithm | null
  if (!doc || organisationId(doc) !== grant.organisationId) {
    return { ok: false, status: 404, reason: 'Deze beschrijving bestaat niet (meer).' }
  }
  if (doc.workflow?.state !== 'ter_beoordeling') {
    return {
      ok: false,
      status: 409,
      reason: 'Deze beschrijving wacht niet (meer) op beoordeling; er is niets om te bekijken.',
    }
  }
  const organisation = (await payload.findByID({
    collection: 'organisations',
    id: grant.organisationId,
    depth: 0,
    overrideAccess: true,
  })) as Organisation
  const record = buildPublicRecord(doc, organisation, new Date(now).toISOString().slice(0, 10))
  return {
    ok: true,
    record: record as unknown as Record<string, unknown>,
    organisationCode: organisation.code || `org-${organisation.id}`,
    lars: String(doc.lars ?? ''),
  }
}
