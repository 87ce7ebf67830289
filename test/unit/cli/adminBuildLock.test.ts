/** One admin build at a time per checkout: the lock in host/cli/adminBuild.ts. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from '@jest/globals'

import { acquireBuildLock } from '../../../host/cli/adminBuild'

const folders: string[] = []
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-build-lock-'))
  folders.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the admin build lock', () => {
  it('makes a second builder wait until the first is done', async () => {
    const dir = project()
    const lines: string[] = []
    const order: string[] = []
    const release = await acquireBuildLock(dir, (line) => lines.push(line), undefined)
    expect(fs.readFileSync(path.join(dir, '.next-build.lock', 'pid'), 'utf8')).toBe(
      String(process.pid),
    )
    const second = acquireBuildLock(dir, (line) => lines.push(line), undefined).then((next) => {
      order.push('second')
      return next
    })
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(order).toEqual([])
    expect(lines).toEqual(['Een ander proces bouwt de beheeromgeving al; even wachten...'])
    order.push('first done')
    release()
    const releaseSecond = await second
    expect(order).toEqual(['first done', 'second'])
    releaseSecond()
    expect(fs.existsSync(path.join(dir, '.next-build.lock'))).toBe(false)
  })

  it('takes over the lock of a builder that died', async () => {
    const dir = project()
    // The pid of a process that has certainly ended.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout
    fs.mkdirSync(path.join(dir, '.next-build.lock'))
    fs.writeFileSync(path.join(dir, '.next-build.lock', 'pid'), dead)
    const lines: string[] = []
    const release = await acquireBuildLock(dir, (line) => lines.push(line), undefined)
    expect(lines).toEqual([])
    expect(fs.readFileSync(path.join(dir, '.next-build.lock', 'pid'), 'utf8')).toBe(
      String(process.pid),
    )
    release()
  })

  it('stops waiting when the start is aborted', async () => {
    const dir = project()
    const release = await acquireBuildLock(dir, () => undefined, undefined)
    const controller = new AbortController()
    const waiting = acquireBuildLock(dir, () => undefined, controller.signal)
    controller.abort()
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    release()
  })
})
