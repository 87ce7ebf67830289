/**
 * The reachability tracker (src/database/databaseAvailability.ts) against servers that are not
 * PostgreSQL: nothing listening, and a server that accepts and then never says a word (a hung
 * database). The recovery against a real PostgreSQL is in test/integration/faults.
 */
import net from 'node:net'

import { afterEach, describe, expect, it } from '@jest/globals'

import { DatabaseAvailability, isConnectionError } from '../../../src/database/databaseAvailability'
import { unavailableAnswer } from '../../../host/server/databaseGate'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  cleanups.push(() => server.close())
  return (server.address() as net.AddressInfo).port
}

function tracker(port: number): DatabaseAvailability {
  const availability = new DatabaseAvailability({
    connection: { host: '127.0.0.1', port, user: 'x', password: 'x', database: 'x' },
    settings: { probeTimeoutMs: 300 },
  })
  cleanups.push(() => availability.stop())
  return availability
}

describe('DatabaseAvailability', () => {
  it('is available until a probe says otherwise, then reports the reason', async () => {
    const closed = net.createServer()
    const port = await listen(closed)
    closed.close()
    const availability = tracker(port)
    expect(availability.available).toBe(true)
    const result = await availability.probe()
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/ECONNREFUSED/)
    expect(availability.available).toBe(false)
  })

  it('gives up on a server that accepts the connection and never answers', async () => {
    const sockets: net.Socket[] = []
    const silent = net.createServer((socket) => sockets.push(socket))
    cleanups.push(() => sockets.forEach((socket) => socket.destroy()))
    const availability = tracker(await listen(silent))
    const result = await availability.probe()
    expect(result.ok).toBe(false)
    expect(availability.available).toBe(false)
  })

  it('lets concurrent callers share one probe', async () => {
    let connections = 0
    const counting = net.createServer((socket) => {
      connections += 1
      socket.destroy()
    })
    const availability = tracker(await listen(counting))
    const results = await Promise.all([
      availability.probe(),
      availability.probe(),
      availability.probe(),
    ])
    expect(results.every((result) => !result.ok)).toBe(true)
    expect(connections).toBe(1)
  })
})

describe('isConnectionError', () => {
  it.each([
    [{ code: '57P01' }, true],
    [{ code: '57P03' }, true],
    [{ code: '08006' }, true],
    [{ code: 'ECONNREFUSED' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('timeout exceeded when trying to connect'), true],
    [Object.assign(new Error('Failed query'), { cause: { code: '57P01' } }), true],
    [{ code: '23505' }, false],
    [{ code: '22021' }, false],
    [new Error('invalid input syntax'), false],
    [null, false],
  ])('%p → %p', (error, expected) => {
    expect(isConnectionError(error)).toBe(expected)
  })
})

describe('unavailableAnswer', () => {
  it('is problem JSON for the public API and Payload-shaped for /api, with Retry-After', () => {
    const problem = unavailableAnswer('problem', 'en-GB,en;q=0.9', 7)
    expect(problem.status).toBe(503)
    expect(problem.headers['Retry-After']).toBe('7')
    expect(problem.headers['Content-Type']).toMatch(/^application\/problem\+json/)
    expect(JSON.parse(problem.body)).toMatchObject({ status: 503, title: 'Service unavailable' })

    const payload = unavailableAnswer('payload', undefined, 5)
    expect(payload.headers['Retry-After']).toBe('5')
    expect(JSON.parse(payload.body)).toEqual({
      errors: [
        {
          message:
            'De database is tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
        },
      ],
    })
  })
})
