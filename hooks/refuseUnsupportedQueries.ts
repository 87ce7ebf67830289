import { APIError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

import { localise } from '../src/i18n/localise'
import {
  findUnsupportedPaging,
  findUnsupportedSort,
  findUnsupportedWhere,
} from '../src/query/findUnsupportedQuery'

/**
 * Filters and sorts that the database cannot answer (a `where` on a JSON or rich-text field, a
 * word where a number, id or date belongs, a negative page) would otherwise end in a 500. Any
 * member can send them, through REST, GraphQL and the Local API alike: refuse them with a 400
 * that names the field, in the request's language, before Payload builds the query.
 */
export const refuseUnsupportedQueries: CollectionBeforeOperationHook = ({
  args,
  collection,
  req,
}) => {
  const query = args as { where?: unknown; sort?: unknown; page?: unknown; limit?: unknown }
  const collections = req.payload.collections as Partial<
    Record<string, { config: { flattenedFields: FlattenedField[] } }>
  >
  const fieldsOf = (slug: string) => collections[slug]?.config.flattenedFields
  const problem =
    findUnsupportedWhere(collection.flattenedFields, query.where, fieldsOf) ??
    findUnsupportedSort(collection.flattenedFields, query.sort, fieldsOf) ??
    findUnsupportedPaging(query.page, query.limit)
  if (problem) {
    throw new APIError(localise(req, problem.message), 400, { field: problem.path }, true)
  }
  return args
}
