import type { CollectionBeforeChangeHook } from 'payload'

import { usersSlugOf } from '../src/plugin/registerOptionsOf'

/**
 * On an empty register the first account (Payload's first-register screen) becomes platform
 * admin, so a fresh installation without demo data can be set up at all.
 */
export const makeFirstUserPlatformAdmin: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({
    collection: usersSlugOf(req.payload),
    req,
    overrideAccess: true,
  })
  if (totalDocs === 0) data.isPlatformAdmin = true
  return data
}
