import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Algorithm } from '../../../payload-types'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { query, type WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, getPublic, publish, republish, withdraw } from './publicApiFixtures'

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

let app: TestApp
let team: WorkflowTeam
let other: ChildProcess | undefined
let otherUrl: string
let algorithm: Algorithm

/** Starts a second register process (its own Payload, pool and cache) on the same database. */
function startSecondProcess(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(projectDir, 'scripts/run.mjs'),
        path.join(projectDir, 'test/support/publicApiServer.ts'),
      ],
      {
        cwd: projectDir,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DATABASE_URL: process.env.REGISTER_TEST_DATABASE_URL,
          PAYLOAD_SECRET: 'test-secret',
          MAIL_TRANSPORT: 'memory',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`second process did not start:\n${output}`)),
      90000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /LISTENING (\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: `http://127.0.0.1:${match[1]}` })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`second process exited with ${code}:\n${output}`))
    })
  })
}

async function listenerCount(): Promise<number> {
  const [row] = await query<{ n: number }>(
    app.payload,
    sql`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'register-public-listener'`,
  )
  return row.n
}

async function waitFor(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now()
  for (;;) {
    if (await check()) return Date.now() - started
    if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function revisionOnOther(lars: string): Promise<number> {
  const answer = await getPublic<{ revisionNumber?: number }>(otherUrl, `/algorithms/${lars}`)
  return answer.status === 200 ? Number(answer.body.revisionNumber) : -answer.status
}

beforeAll(async () => {
  app = await testApp()
  const started = await startSecondProcess()
  other = started.child
  otherUrl = started.url
  team = await createTeam(app.payload, app.url)
  algorithm = await publish(app.payload, app.url, team, { name: 'Schuldhulp signaleren' })
  // Each process starts listening with its first public request.
  await getPublic(app.url, '/algorithms')
  await getPublic(otherUrl, '/algorithms')
  await waitFor(async () => (await listenerCount()) >= 2, 10000)
})

afterAll(async () => {
  if (other && other.exitCode === null) {
    const exited = new Promise((resolve) => other?.once('exit', resolve))
    other.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
  }
  await closeTestApp()
})

describe('more than one server process on the same database', () => {
  it('shows a publication through one process in the other within 1 second', async () => {
    // Warm the other process's cache with the current version (twice, so it is stored).
    expect(await revisionOnOther(String(algorithm.lars))).toBe(1)
    expect(await revisionOnOther(String(algorithm.lars))).toBe(1)
    const list = await getPublic<{ totalCount: number }>(
      otherUrl,
      `/algorithms?organisation=${team.organisation.code}`,
    )
    expect(list.body.totalCount).toBe(1)

    await republish(
      app.url,
      team,
      algorithm.id,
      { website: 'https://schuld.example' },
      'Link erbij.',
    )
    const changed = await waitFor(
      async () => (await revisionOnOther(String(algorithm.lars))) === 2,
      1000,
    )
    expect(changed).toBeLessThan(1000)

    const added = await publish(app.payload, app.url, team, { name: 'Inburgering plannen' })
    const listed = await waitFor(async () => {
      const answer = await getPublic<{ totalCount: number }>(
        otherUrl,
        `/algorithms?organisation=${team.organisation.code}`,
      )
      return answer.body.totalCount === 2
    }, 1000)
    expect(listed).toBeLessThan(1000)

    await withdraw(app.url, team, added.id)
    const gone = await waitFor(
      async () => (await revisionOnOther(String(added.lars))) === -410,
      1000,
    )
    expect(gone).toBeLessThan(1000)
  })

  it('stays correct while the LISTEN connection is down and hears changes again after reconnecting', async () => {
    expect(await revisionOnOther(String(algorithm.lars))).toBe(2)
    await query(
      app.payload,
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'register-public-listener'`,
    )
    // While the listener is down the other process does not trust its cache.
    await republish(
      app.url,
      team,
      algorithm.id,
      { website: 'https://schuld.example/v3' },
      'Nieuwe link.',
    )
    expect(
      await waitFor(async () => (await revisionOnOther(String(algorithm.lars))) === 3, 1000),
    ).toBeLessThan(1000)
    // Reconnected listeners (both processes) hear the next change as before.
    await waitFor(async () => (await listenerCount()) >= 2, 10000)
    expect(await revisionOnOther(String(algorithm.lars))).toBe(3)
    expect(await revisionOnOther(String(algorithm.lars))).toBe(3)
    await republish(
      app.url,
      team,
      algorithm.id,
      { website: 'https://schuld.example/v4' },
      'Weer een link.',
    )
    expect(
      await waitFor(async () => (await revisionOnOther(String(algorithm.lars))) === 4, 1000),
    ).toBeLessThan(1000)
  })
})
