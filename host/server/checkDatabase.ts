import type { Payload } from 'payload'

import { databaseAvailabilityOf, type ProbeResult } from '../../src/database/databaseAvailability'

/**
 * Asks the database a trivial question on a connection of its own, with a deadline
 * (DATABASE_PROBE_TIMEOUT_MS), for the health check. Concurrent checks share one probe.
 */
export async function checkDatabase(payload: Payload): Promise<ProbeResult> {
  return databaseAvailabilityOf(payload).probe()
}
