import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { poolOf } from '../database/runSql'

/** Advisory-lock key: one job runner at a time across server processes. */
const JOB_RUNNER_LOCK = 727_0202

/**
 * Runs the register's queues in this process: mail (the outbox) every tick, and the scheduled
 * review reminders. A session advisory lock makes sure only one process runs jobs at a time,
 * so a mail is not sent twice when the register is scaled out.
 */
export function startJobRunner(
  payload: Payload,
  intervalMs: number,
): { stop: () => Promise<void> } {
  let running: Promise<void> | undefined
  let stopped = false
  const tick = async () => {
    let client: PoolClient
    try {
      client = await poolOf(payload).connect()
    } catch (error) {
      // The database is away: try again next tick; a rejection here would end the process.
      payload.logger.warn({ err: error }, 'Job runner: no database connection')
      return
    }
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [JOB_RUNNER_LOCK],
      )
      if (!rows[0]?.locked) return
      try {
        await payload.jobs.handleSchedules({ queue: 'reminders' })
        await payload.jobs.run({ queue: 'reminders', limit: 10 })
        await payload.jobs.run({ queue: 'mail', limit: 50 })
        await payload.jobs.handleSchedules({ queue: 'national' })
        // One at a time: deliveries are paced per client to stay under the register's limit.
        await payload.jobs.run({ queue: 'national', limit: 25, sequential: true })
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [JOB_RUNNER_LOCK])
      }
    } catch (error) {
      payload.logger.error({ err: error }, 'Job runner tick failed')
    } finally {
      client.release()
    }
  }
  const timer = setInterval(() => {
    if (stopped || running) return
    running = tick().finally(() => {
      running = undefined
    })
  }, intervalMs)
  timer.unref()
  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
