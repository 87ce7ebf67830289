import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook } from 'payload'

import { runSql } from '../src/database/runSql'
import { announcePublicChange } from '../src/publicApi/projection'
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
  await runSql(
    req,
    sql`UPDATE public_algorithms
        SET organisation_name = ${doc.name}, organisation_code = ${code}, organisation_type = ${doc.type},
            record = jsonb_set(record, '{organization}', to_jsonb(${doc.name}::text))
        WHERE organisation_id = ${doc.id}`,
  )
  await announcePublicChange(req, '')
  return doc
}
