/**
 * Backup and restore of the embedded database, as a person using `npm start` does it: back up
 * while the register runs (the tool connects to its database instead of starting another),
 * restore into a new DATA_DIR (the tool creates and stops the database itself), and never over
 * a running register.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it, jest } from '@jest/globals'

import { runCli } from '../../support/runCli'
import {
  cleanUpRegisters,
  makeDataDir,
  postgresPidsFor,
  spawnRegister,
  waitUntilReady,
  type RegisterProcess,
} from '../../support/spawnRegister'

// Longer than waitUntilReady's limit, so a slow start fails with the register's output.
jest.setTimeout(240_000)

afterAll(async () => {
  await cleanUpRegisters()
})

/** The anchor line a backup or restore printed: "gebeurtenis 18, hash ab12…". */
function anchorIn(output: string): string {
  const match = /gebeurtenis (\d+), hash ([0-9a-f]{64})/.exec(output)
  if (!match) throw new Error(`no anchor in:\n${output}`)
  return `${match[1]}:${match[2]}`
}

describe('backup and restore of the embedded database', () => {
  let register: RegisterProcess
  let archive: string
  let anchor: string
  const restoredDir = makeDataDir('restored')

  it('backs up while npm start runs, under DATA_DIR/backups', async () => {
    const dataDir = makeDataDir('backup')
    register = await spawnRegister({ dataDir })
    await waitUntilReady(register)
    const result = await runCli('backup', [], { DATA_DIR: dataDir })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`Het register draait (pid ${register.pid})`)
    archive = /Back-up gemaakt: (.+)/.exec(result.stdout)?.[1] ?? ''
    expect(path.dirname(archive)).toBe(path.join(dataDir, 'backups'))
    expect(path.basename(archive)).toMatch(
      /^algoritmeregister-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.dump$/,
    )
    expect(fs.statSync(archive).size).toBeGreaterThan(0)
    // The demo data: published algorithms and their history.
    expect(result.stdout).toMatch(/algoritmes: +\d+ \([1-9]\d* gepubliceerd\)/)
    anchor = anchorIn(result.stdout)
    // The register still serves.
    expect((await fetch(`${register.url}/health`)).status).toBe(200)
  })

  it('refuses to restore over the running register', async () => {
    const result = await runCli('restore', [archive, '--force'], { DATA_DIR: register.dataDir })
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe(
      `Er is niets teruggezet: Het register draait op ${register.dataDir} (pid ${register.pid}). ` +
        'Stop het register eerst: een restore vervangt alle gegevens.',
    )
    expect((await fetch(`${register.url}/health`)).status).toBe(200)
  })

  it('restores into a new DATA_DIR and leaves no database running', async () => {
    const result = await runCli('restore', [archive, '--anchor', anchor], { DATA_DIR: restoredDir })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`-> ${restoredDir}`)
    expect(result.stdout).toContain('eindigt precies bij het anker')
    expect(postgresPidsFor(restoredDir)).toEqual([])
    const verify = await runCli('auditVerify', [], { DATA_DIR: restoredDir })
    expect(verify.code).toBe(0)
    expect(verify.stdout).toContain(`--anchor ${anchor}`)
  })

  it('a register started on the restored DATA_DIR serves the same algorithms', async () => {
    const before = await fetch(`${register.url}/register/v1/algorithms`)
    const expected = await before.text()
    await register.stop()
    const restored = await spawnRegister({ dataDir: restoredDir, env: { SEED_DEMO: 'false' } })
    await waitUntilReady(restored)
    const after = await fetch(`${restored.url}/register/v1/algorithms`)
    expect(after.status).toBe(before.status)
    expect(await after.text()).toBe(expected)
    await restored.stop()
  })
})
