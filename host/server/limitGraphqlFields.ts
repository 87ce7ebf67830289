import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'

import { throwIfPastDeadline } from './graphqlDeadline'

const limited = new WeakSet<GraphQLSchema>()

/**
 * graphql-js resolves all root fields of a query at once: fifteen aliased list fields are
 * fifteen Payload finds, each holding a database connection. A few such requests take the whole
 * pool, and everything else that needs it (the public API, /health) waits behind them. This
 * lets at most `max` root query fields run at a time in the process; the others wait for a
 * slot (and give up at their request's deadline), so the rest of the pool stays free.
 *
 * Payload builds its GraphQL schema once and hands it to the `validationRules` callback with
 * every request, which is where this is applied (once per schema).
 */
export function limitGraphqlFields(schema: GraphQLSchema, max: number): void {
  if (limited.has(schema)) return
  limited.add(schema)
  let running = 0
  const waiting: Array<() => void> = []
  const acquire = async (): Promise<void> => {
    if (running < max) {
      running++
      return
    }
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  const fields = schema.getQueryType()?.getFields() ?? {}
  for (const field of Object.values(fields)) {
    const resolve = field.resolve
    if (!resolve) continue
    const wrapped: GraphQLFieldResolver<unknown, unknown> = async (source, args, context, info) => {
      await acquire()
      // Let waiting I/O (health checks, other requests) in between two costly fields.
      await new Promise<void>((resolve) => setImmediate(resolve))
      try {
        throwIfPastDeadline()
        return await resolve(source, args, context, info)
      } finally {
        release()
      }
    }
    field.resolve = wrapped
  }
}
