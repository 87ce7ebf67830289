import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import type { Config, Plugin } from 'payload'

import { serializeSessionWrites } from '../auth/serializeSessionWrites'
import type { EdgeSettings } from './edgeSettings'
import { refuseOperationAfterDeadline } from './graphqlDeadline'

/**
 * The Payload side of the HTTP edge: GraphQL alias and depth limits (graphql-armor, as
 * validation rules, so an over-limit query is refused before it runs), the GraphQL deadline on
 * every collection operation, and serialised session writes so parallel logins all keep their
 * session.
 */
export function edgeProtections(
  settings: Pick<EdgeSettings, 'graphqlMaxAliases' | 'graphqlMaxDepth'>,
): Plugin {
  return (incoming: Config): Config => {
    const existingRules = incoming.graphQL?.validationRules
    return {
      ...incoming,
      graphQL: {
        ...incoming.graphQL,
        validationRules: (args) => [
          ...(existingRules?.(args) ?? []),
          maxAliasesRule({ n: settings.graphqlMaxAliases, exposeLimits: true }),
          maxDepthRule({ n: settings.graphqlMaxDepth, exposeLimits: true }),
        ],
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
