import type { TaskConfig } from 'payload'

import { checkDrift } from './checkDrift'
import { NATIONAL_QUEUE } from './enqueueNationalDelivery'

/** Compares, every night, what the national register publishes with what was delivered. */
export const checkNationalDriftTask: TaskConfig<{
  input: Record<string, never>
  output: { checked: number; drifted: number }
}> = {
  slug: 'checkNationalDrift',
  label: 'Landelijk Algoritmeregister vergelijken',
  retries: 0,
  schedule: [{ cron: '0 30 3 * * *', queue: NATIONAL_QUEUE }],
  outputSchema: [
    { name: 'checked', type: 'number' },
    { name: 'drifted', type: 'number' },
  ],
  handler: async ({ req }) => {
    const summary = await checkDrift(req.payload)
    return { output: { checked: summary.checked, drifted: summary.drifted } }
  },
}
