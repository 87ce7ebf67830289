import type { Payload } from 'payload'

import { poolOf } from '../database/runSql'

/** Asks the database a trivial question, with a deadline, for the health check. */
export async function checkDatabase(
  payload: Payload,
  timeoutMs = 2000,
): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now()
  try {
    await Promise.race([
      poolOf(payload).query('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ])
    return { ok: true, latencyMs: Math.round(performance.now() - started) }
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    }
  }
}
