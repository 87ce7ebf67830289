import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import type { GraphQLError, ValidationContext } from 'graphql'
import type { Config, Plugin } from 'payload'

import { serializeSessionWrites } from '../../src/auth/serializeSessionWrites'
import type { EdgeSettings } from './edgeSettings'
import { refuseOperationAfterDeadline } from './graphqlDeadline'
import { limitGraphqlFields } from './limitGraphqlFields'

/**
 * graphql-armor throws by default, which graphql-http answers with a 500; reported as a
 * validation error instead, the client gets a 400 with the reason (without armor's misleading
 * "Syntax Error:" prefix).
 */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      error.message = error.message.replace(/^Syntax Error: /, '')
      context?.reportError(error)
    },
  ],
}

/**
 * The Payload side of the HTTP edge: GraphQL alias and depth limits (graphql-armor, as
 * validation rules, so an over-limit query is refused before it runs), a bound on root query
 * fields running at once, the GraphQL deadline on every collection operation, and serialised session writes so parallel logins all keep their
 * session.
 */
export function edgeProtections(
  settings: Pick<
    EdgeSettings,
    'graphqlMaxAliases' | 'graphqlMaxDepth' | 'graphqlMaxConcurrentFields'
  >,
): Plugin {
  return (incoming: Config): Config => {
    const existingRules = incoming.graphQL?.validationRules
    return {
      ...incoming,
      graphQL: {
        ...incoming.graphQL,
        validationRules: (args) => {
          limitGraphqlFields(args.schema, settings.graphqlMaxConcurrentFields)
          return [
            ...(existingRules?.(args) ?? []),
            maxAliasesRule({
              n: settings.graphqlMaxAliases,
              exposeLimits: true,
              ...asValidationError,
            }),
            maxDepthRule({ n: settings.graphqlMaxDepth, exposeLimits: true, ...asValidationError }),
          ]
        },
      },
      collections: (incoming.collections ?? []).map((collection) => ({
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            refuseOperationAfterDeadline,
            ...(collection.hooks?.beforeOperation ?? []),
          ],
        },
      })),
      onInit: async (payload) => {
        serializeSessionWrites(payload)
        await incoming.onInit?.(payload)
      },
    }
  }
}
