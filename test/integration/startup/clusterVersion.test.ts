/**
 * A DATA_DIR whose database another PostgreSQL major version made (e.g. 17, before the embedded
 * database moved to 15) cannot be opened: `npm start` must say so and what to do, in one Dutch
 * sentence, instead of PostgreSQL's "database files are incompatible with server".
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it, jest } from '@jest/globals'

import {
  cleanUpRegisters,
  makeDataDir,
  postgresPidsFor,
  spawnRegister,
  stackTraceLines,
} from '../../support/spawnRegister'

jest.setTimeout(120_000)

afterAll(async () => {
  await cleanUpRegisters()
})

describe('a DATA_DIR made by another PostgreSQL major version', () => {
  it('stops the start with what to do, and leaves the files alone', async () => {
    const dataDir = makeDataDir('cluster-version')
    const cluster = path.join(dataDir, 'postgres')
    fs.mkdirSync(cluster, { mode: 0o700 })
    fs.writeFileSync(path.join(cluster, 'PG_VERSION'), '17\n')
    fs.writeFileSync(path.join(cluster, 'base-marker'), 'the old data')
    fs.writeFileSync(
      path.join(dataDir, 'register-credentials.json'),
      JSON.stringify({ user: 'register', password: 'old-password' }),
    )

    const register = await spawnRegister({ dataDir })
    expect(await register.exited).toEqual({ code: 1, signal: null })
    const stderr = register.stderr().trim()
    expect(stackTraceLines(stderr)).toEqual([])
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toContain(`De database in ${dataDir} is gemaakt met PostgreSQL 17`)
    expect(stderr).toMatch(/gebruikt PostgreSQL 15/)
    expect(stderr).toContain('verwijder dan de map')
    expect(stderr).toContain('Backup and restore" in README.md')
    // Nothing was started, removed or rewritten.
    expect(postgresPidsFor(dataDir)).toEqual([])
    expect(fs.readFileSync(path.join(cluster, 'PG_VERSION'), 'utf8')).toBe('17\n')
    expect(fs.readFileSync(path.join(cluster, 'base-marker'), 'utf8')).toBe('the old data')
  })
})
