/**
 * With DATABASE_URL the start CLI uses that server and starts no PostgreSQL of its own. The
 * database is a new one on the run's test server (embedded, or the one in DATABASE_URL), so
 * this works in both test modes; it does not exist yet, as on a fresh server.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it, jest } from '@jest/globals'
import pg from 'pg'

import {
  cleanUpRegisters,
  makeDataDir,
  postgresPidsFor,
  spawnRegister,
  waitUntilReady,
} from '../../support/spawnRegister'

// Longer than waitUntilReady's limit, so a slow start fails with the register's output.
jest.setTimeout(240_000)

const adminUrl = process.env.REGISTER_TEST_ADMIN_URL as string
const name = `register_test_startup_${randomBytes(4).toString('hex')}`

afterAll(async () => {
  await cleanUpRegisters()
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)
  } finally {
    await client.end()
  }
})

describe('npm start with DATABASE_URL', () => {
  it('migrates and seeds that database, serves, and stops without touching the server', async () => {
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const dataDir = makeDataDir('external')
    const register = await spawnRegister({
      dataDir,
      env: { DATABASE_URL: url.toString(), PAYLOAD_SECRET: 'een-lang-geheim-voor-de-test' },
    })
    await waitUntilReady(register)
    expect(register.stdout()).toContain('Database:      DATABASE_URL')
    expect(register.stdout()).toContain('Lege database: demogegevens worden aangemaakt.')
    // No cluster of its own.
    expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false)
    expect(postgresPidsFor(dataDir)).toEqual([])

    const login = await fetch(`${register.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'platform@algoritmeregister.example',
        password: 'demo-wachtwoord',
      }),
    })
    expect(login.status).toBe(200)
    expect(await register.stop()).toEqual({ code: 0, signal: null })

    // The server is still there and holds the register's tables.
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    try {
      const users = await client.query<{ count: string }>('SELECT count(*) FROM users')
      expect(Number(users.rows[0].count)).toBe(6)
    } finally {
      await client.end()
    }
  })
})
