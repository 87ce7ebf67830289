import type { CollectionAfterChangeHook } from 'payload'

import { renameOrganisationInProjection } from '../src/publicApi/projection'
import { publicOrganisationCode } from '../src/publicApi/publicRecord'

/**
 * An organisation's name, code and type are shown with its published algorithms. When they
 * change, the public rows follow in the same transaction, and every public cache is cleared
 * (an empty id in the change notification means "everything").
 */
export const syncPublicOrganisation: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const code = publicOrganisationCode(doc)
  const visibleChange =
    doc.name !== previousDoc?.name ||
    doc.code !== previousDoc?.code ||
    doc.type !== previousDoc?.type ||
    doc.website !== previousDoc?.website ||
    doc.contactEmail !== previousDoc?.contactEmail ||
    JSON.stringify(doc.postalAddress ?? null) !== JSON.stringify(previousDoc?.postalAddress ?? null)
  if (!visibleChange) return doc
  await renameOrganisationInProjection(req, {
    id: doc.id,
    name: doc.name,
    code,
    type: doc.type,
  })
  return doc
}
