/**
 * `npm start` on a fresh machine, end to end: the real start CLI in a child process on an
 * embedded PostgreSQL in a temporary DATA_DIR. The tests run in order on one DATA_DIR: first
 * start, clean stop, restart, crash and recovery.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'

import {
  cleanUpRegisters,
  freePort,
  makeDataDir,
  portIsOpen,
  postgresPidsFor,
  spawnRegister,
  stackTraceLines,
  stopRunningRegisters,
  waitUntilReady,
  type RegisterProcess,
} from '../../support/spawnRegister'

// Longer than waitUntilReady's limit, so a slow start fails with the register's output.
jest.setTimeout(240_000)

const DEMO_PASSWORD = 'demo-wachtwoord'
const PLATFORM_ADMIN = 'platform@algoritmeregister.example'
const EDITOR = 'redacteur@noorderhaaks.example'

let dataDir: string
let port: number
let embeddedPort: number

beforeAll(async () => {
  dataDir = makeDataDir('lifecycle')
  port = await freePort()
  embeddedPort = await freePort()
})

afterAll(async () => {
  await cleanUpRegisters()
})

function start(extraEnv: Record<string, string | undefined> = {}, ownProcessGroup = false) {
  return spawnRegister({ dataDir, port, embeddedPort, env: extraEnv, ownProcessGroup })
}

async function json<T>(
  register: RegisterProcess,
  method: string,
  route: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${register.url}${route}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `JWT ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  return { status: response.status, body: (await response.json()) as T }
}

async function loginAs(register: RegisterProcess, email: string): Promise<string> {
  const response = await json<{ token?: string }>(register, 'POST', '/api/users/login', {
    body: { email, password: DEMO_PASSWORD },
  })
  expect(response.status).toBe(200)
  expect(typeof response.body.token).toBe('string')
  return response.body.token as string
}

async function organisationCount(register: RegisterProcess, token: string): Promise<number> {
  const response = await json<{ totalDocs: number }>(
    register,
    'GET',
    '/api/organisations?limit=1&depth=0',
    { token },
  )
  expect(response.status).toBe(200)
  return response.body.totalDocs
}

/**
 * A login whose body arrives in two parts: the server has the request in hand (headers read,
 * handler waiting for the body) when the stop signal comes, and must still answer it.
 */
function slowLogin(register: RegisterProcess): {
  finish: () => void
  response: Promise<{ status: number; body: string }>
} {
  const request = http.request({
    host: '127.0.0.1',
    port: register.port,
    path: '/api/users/login',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
  })
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    request.on('error', reject)
  })
  request.flushHeaders()
  request.write(`{"email":"${EDITOR}",`)
  return { finish: () => request.end(`"password":"${DEMO_PASSWORD}"}`), response }
}

function noPostgresLeft(): void {
  expect(postgresPidsFor(dataDir)).toEqual([])
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('first start on an empty DATA_DIR', () => {
  let register: RegisterProcess
  let startSeconds = 0

  it('starts, prints the addresses and the demo logins', async () => {
    const started = Date.now()
    register = await start()
    await waitUntilReady(register)
    startSeconds = (Date.now() - started) / 1000
    const out = register.stdout()
    const base = `http://localhost:${port}`
    for (const line of [
      `Beheer:        ${base}/admin`,
      `Publieke API:  ${base}/register/v1/algorithms`,
      `REST-API:      ${base}/api`,
      `GraphQL:       ${base}/api/graphql`,
      `Status:        ${base}/health`,
      `Database:      ingebouwd, in ${dataDir}`,
    ]) {
      expect(out).toContain(line)
    }
    expect(out).toContain('Lege database: demogegevens worden aangemaakt.')
    expect(out).toMatch(
      /Platformbeheerder\s+platform@algoritmeregister\.example\s+wachtwoord: demo-wachtwoord/,
    )
    expect(out).toMatch(
      /Redacteur \(Noorderhaaks\)\s+redacteur@noorderhaaks\.example\s+wachtwoord: demo-wachtwoord/,
    )
    expect(register.stderr()).toBe('')
    // A fresh machine needs no PAYLOAD_SECRET: one is made and kept in DATA_DIR.
    expect(fs.readFileSync(path.join(dataDir, 'payload-secret'), 'utf8')).toMatch(/^[0-9a-f]{64}$/)
    console.log(`first start (initdb, migrations, demo data): ${startSeconds.toFixed(1)} s`)
  })

  it('answers /health with 200 JSON', async () => {
    const response = await fetch(`${register.url}/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' })
  })

  it('logs in with a printed demo login, and refuses a wrong password', async () => {
    const printed = register.stdout().match(/(\S+@\S+)\s+wachtwoord: (\S+)/)
    expect(printed).not.toBeNull()
    const [, email, password] = printed as RegExpMatchArray
    const ok = await json<{ user: { email: string } }>(register, 'POST', '/api/users/login', {
      body: { email, password },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.user.email).toBe(email)
    const wrong = await json(register, 'POST', '/api/users/login', {
      body: { email, password: 'niet-het-wachtwoord' },
    })
    expect(wrong.status).toBe(401)
  })

  it('refuses a second register on the same DATA_DIR without touching the running one', async () => {
    const second = await spawnRegister({ dataDir, embeddedPort, env: {} })
    const result = await second.exited
    expect(result.code).toBe(1)
    expect(second.stderr()).toContain(
      `Het register kon niet starten: De database in ${dataDir} is in gebruik door een ander register-proces (pid ${register.pid}).`,
    )
    expect(stackTraceLines(second.stderr())).toEqual([])
    const health = await fetch(`${register.url}/health`)
    expect(health.status).toBe(200)
  })

  it('finishes a request in flight on SIGTERM, then exits 0 and stops its database', async () => {
    const token = await loginAs(register, PLATFORM_ADMIN)
    const created = await json<{ doc: { id: number; code: string } }>(
      register,
      'POST',
      '/api/organisations',
      { token, body: { name: 'Gemeente Bewaardorp', code: 'gm9877', type: 'gemeente' } },
    )
    expect(created.status).toBe(201)
    expect(created.body.doc.code).toBe('gm9877')
    expect(postgresPidsFor(dataDir)).toHaveLength(1)

    const slow = slowLogin(register)
    await sleep(300)
    register.child.kill('SIGTERM')
    await register.waitFor(/SIGTERM ontvangen: lopende verzoeken afmaken/)
    // New connections are no longer accepted while the old request is still open.
    await sleep(200)
    expect(await portIsOpen(port)).toBe(false)
    expect(postgresPidsFor(dataDir)).toHaveLength(1)
    await sleep(500)
    slow.finish()
    const answer = await slow.response
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ user: { email: EDITOR } })

    const result = await register.exited
    expect(result).toEqual({ code: 0, signal: null })
    expect(register.stdout()).toContain('Gestopt.')
    noPostgresLeft()
    expect(await portIsOpen(embeddedPort)).toBe(false)
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false)
  })
})

describe('restart on the same DATA_DIR', () => {
  let register: RegisterProcess

  it('keeps the data, does not seed again, and keeps logins valid', async () => {
    const started = Date.now()
    register = await start()
    await waitUntilReady(register)
    console.log(`restart: ${((Date.now() - started) / 1000).toFixed(1)} s`)
    expect(register.stdout()).not.toContain('Lege database')
    expect(register.stdout()).not.toMatch(/Migrating:/)
    // The demo logins are still shown: they still work.
    expect(register.stdout()).toContain('platform@algoritmeregister.example')

    const token = await loginAs(register, PLATFORM_ADMIN)
    const found = await json<{ docs: Array<{ name: string }> }>(
      register,
      'GET',
      '/api/organisations?where[code][equals]=gm9877&depth=0',
      { token },
    )
    expect(found.status).toBe(200)
    expect(found.body.docs.map((d) => d.name)).toEqual(['Gemeente Bewaardorp'])
    // Three demo organisations plus the one made above: nothing was seeded twice.
    expect(await organisationCount(register, token)).toBe(4)
    const users = await json<{ totalDocs: number }>(register, 'GET', '/api/users?limit=1', {
      token,
    })
    expect(users.body.totalDocs).toBe(6)
  })

  it('stops on SIGINT to its whole process group (Ctrl-C) after finishing a request', async () => {
    await register.stop('SIGTERM')
    noPostgresLeft()
    // Ctrl-C in a terminal signals every process in the foreground group at once.
    register = await start({}, true)
    await waitUntilReady(register)
    const slow = slowLogin(register)
    await sleep(300)
    process.kill(-register.pid, 'SIGINT')
    await register.waitFor(/SIGINT ontvangen: lopende verzoeken afmaken/)
    await sleep(800)
    slow.finish()
    const answer = await slow.response
    expect(answer.status).toBe(200)
    expect(await register.exited).toEqual({ code: 0, signal: null })
    noPostgresLeft()
  })

  it('stops when a supervisor sends SIGTERM to npm start itself', async () => {
    // Docker, PM2 and many init scripts signal only the process they started: npm. npm passes
    // the signal to its shell; the start script execs node, so the signal reaches the register.
    const viaNpm = await spawnRegister({ dataDir, port, embeddedPort, viaNpm: true })
    await waitUntilReady(viaNpm)
    expect(postgresPidsFor(dataDir)).toHaveLength(1)
    viaNpm.child.kill('SIGTERM')
    await viaNpm.waitFor(/Gestopt\./, 30_000)
    await viaNpm.exited
    const deadline = Date.now() + 10_000
    while ((await portIsOpen(port)) && Date.now() < deadline) await sleep(100)
    expect(await portIsOpen(port)).toBe(false)
    noPostgresLeft()
  })
})

describe('recovery after a crash', () => {
  // A failed test must not leave a register holding the ports for the next one.
  afterEach(async () => {
    await stopRunningRegisters()
  })

  it('recovers when the register was killed and its database was left running', async () => {
    const crashed = await start()
    await waitUntilReady(crashed)
    const [orphan] = postgresPidsFor(dataDir)
    expect(orphan).toBeGreaterThan(0)
    expect(await crashed.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' })
    await sleep(300)
    // The database outlives its parent and still holds the folder and the port.
    expect(postgresPidsFor(dataDir)).toEqual([orphan])
    expect(await portIsOpen(embeddedPort)).toBe(true)

    const register = await start()
    await waitUntilReady(register)
    expect(register.stdout()).toContain(
      `Database van een eerdere, afgebroken start gevonden (pid ${orphan}); die wordt netjes gestopt.`,
    )
    const now = postgresPidsFor(dataDir)
    expect(now).toHaveLength(1)
    expect(now[0]).not.toBe(orphan)
    const token = await loginAs(register, PLATFORM_ADMIN)
    expect(await organisationCount(register, token)).toBe(4)
    expect(await register.stop()).toEqual({ code: 0, signal: null })
    noPostgresLeft()
  })

  it.each([
    ['a process that no longer exists', 'dead'],
    ['a live process that is not PostgreSQL (pid reused)', 'reused'],
  ])('starts when postmaster.pid names %s', async (_label, kind) => {
    const holder = spawn('sleep', ['60'])
    const holderPid = holder.pid as number
    if (kind === 'dead') {
      holder.kill('SIGKILL')
      await new Promise((r) => holder.once('exit', r))
    }
    const lockFile = path.join(dataDir, 'postgres', 'postmaster.pid')
    // The layout PostgreSQL writes: pid, data folder, start time, port, socket dir, address...
    fs.writeFileSync(
      lockFile,
      `${holderPid}\n${path.join(dataDir, 'postgres')}\n1700000000\n${embeddedPort}\n\n127.0.0.1\n  1234567     98304\nready   \n`,
    )
    try {
      const register = await start()
      await waitUntilReady(register)
      expect(register.stdout()).toContain(
        'Verouderd slotbestand (postmaster.pid) van een afgebroken start verwijderd.',
      )
      const health = await fetch(`${register.url}/health`)
      expect(health.status).toBe(200)
      expect(await register.stop()).toEqual({ code: 0, signal: null })
      noPostgresLeft()
    } finally {
      holder.kill('SIGKILL')
    }
  })

  it('stops cleanly on SIGTERM that arrives while it is still starting', async () => {
    noPostgresLeft()
    const register = await start()
    // The database is up and Payload is starting: the worst moment to be killed outright.
    const deadline = Date.now() + 60_000
    while (postgresPidsFor(dataDir).length === 0 && Date.now() < deadline) await sleep(50)
    expect(postgresPidsFor(dataDir)).toHaveLength(1)
    register.child.kill('SIGTERM')
    const result = await register.exited
    expect(register.stdout()).toContain('SIGTERM ontvangen tijdens het starten')
    expect(result).toEqual({ code: 0, signal: null })
    expect(register.stdout()).toContain('Gestopt.')
    noPostgresLeft()
  })
})
