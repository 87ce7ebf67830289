import type { TaskConfig } from 'payload'

import { deliverAlgorithm } from './deliverAlgorithm'
import { DELIVER_TASK } from './enqueueNationalDelivery'

/**
 * Delivers one algorithm to the national register. Queued by approvals and withdrawals in their
 * own transaction (an outbox). The task never fails in Payload's sense: retries are scheduled by
 * the delivery itself (a new job with `waitUntil`), because it must honour the register's
 * Retry-After and keep the status the admin shows up to date.
 */
export const deliverToNationalRegisterTask: TaskConfig<{
  input: { algorithmId: number }
  output: { result: string }
}> = {
  slug: DELIVER_TASK,
  label: 'Aanleveren aan het landelijke Algoritmeregister',
  retries: 0,
  inputSchema: [{ name: 'algorithmId', type: 'number', required: true }],
  outputSchema: [{ name: 'result', type: 'text' }],
  handler: async ({ input, req }) => {
    const outcome = await deliverAlgorithm(req.payload, Number(input.algorithmId))
    return { output: { result: outcome.result } }
  },
}
