import { AsyncLocalStorage } from 'node:async_hooks'

import { APIError, type CollectionBeforeOperationHook } from 'payload'

/** The deadline (epoch ms) of the GraphQL request whose work is running, if any. */
const deadlines = new AsyncLocalStorage<number>()

/** Thrown (and answered with 503) when a GraphQL request runs past its deadline. */
export class GraphqlDeadlineExceeded extends Error {
  constructor(readonly timeoutMs: number) {
    super(`GraphQL request exceeded ${timeoutMs} ms`)
    this.name = 'GraphqlDeadlineExceeded'
  }
}

/**
 * Runs a GraphQL request with a deadline: resolves with its answer, or rejects with
 * {@link GraphqlDeadlineExceeded} when the deadline passes first. The abandoned work does not run
 * on: every Payload operation it starts after the deadline is refused by
 * {@link refuseOperationAfterDeadline}, so a costly query stops issuing database queries.
 */
export async function runWithDeadline<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  const running = deadlines.run(deadline, work)
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GraphqlDeadlineExceeded(timeoutMs)), timeoutMs)
  })
  try {
    const answer = await Promise.race([running, expired])
    // Work refused after the deadline can finish before the timer fires: still a timeout.
    if (Date.now() > deadline) throw new GraphqlDeadlineExceeded(timeoutMs)
    return answer
  } finally {
    clearTimeout(timer)
    running.catch(() => undefined)
  }
}

/**
 * Refuses a collection operation started by a GraphQL request after its deadline: the rest of a
 * costly query (hundreds of aliased list fields) is cut off instead of holding database
 * connections after its answer has gone out.
 */
export const refuseOperationAfterDeadline: CollectionBeforeOperationHook = ({ args, req }) => {
  // Only GraphQL's own operations: work that merely started in its async context (a job run
  // kicked off by a mutation, say) is not part of the request.
  if (req?.payloadAPI === 'GraphQL') throwIfPastDeadline()
  return args
}

/** Throws when the GraphQL request this runs for is past its deadline. */
export function throwIfPastDeadline(): void {
  const deadline = deadlines.getStore()
  if (deadline !== undefined && Date.now() > deadline) {
    throw new APIError('De GraphQL-vraag duurde te lang en is afgebroken.', 503)
  }
}
