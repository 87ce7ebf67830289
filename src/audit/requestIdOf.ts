import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'

const CONTEXT_KEY = 'registerRequestId'

/**
 * One id per incoming request, shared by every audit event it causes: the `x-request-id` the
 * server set (or a proxy passed on), else one made up and kept on the request context.
 */
export function requestIdOf(req: Pick<PayloadRequest, 'headers' | 'context'>): string {
  const fromContext = req.context?.[CONTEXT_KEY]
  if (typeof fromContext === 'string') return fromContext
  const header = req.headers?.get?.('x-request-id')
  const id = header && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID()
  if (req.context) req.context[CONTEXT_KEY] = id
  return id
}
