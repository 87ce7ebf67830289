import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { localise } from '../src/i18n/localise'

/**
 * A description that was ever published is part of the public record and its revisions are
 * immutable; it can be withdrawn and archived, not deleted. Unpublished concepts can go.
 */
export const refuseUnsafeDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'revisions',
    where: { algorithm: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw new APIError(
      localise(req, {
        nl: 'Deze beschrijving is gepubliceerd geweest en blijft bewaard voor de verantwoording. Trek de publicatie in en archiveer haar in plaats van haar te verwijderen.',
        en: 'This description has been published and is kept for accountability. Withdraw and archive it instead of deleting it.',
      }),
      409,
    )
  }
}
