import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { processIsAlive } from '../../src/processIsAlive'

/** Files and folders whose content ends up in the admin bundle. */
const INPUTS = [
  'collections',
  'hooks',
  'access',
  'host',
  'src',
  'payload.config.ts',
  'next.config.ts',
  'tsconfig.json',
  'package-lock.json',
]
const STAMP = 'register-build-hash'

function collect(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return
  const stat = fs.statSync(dir)
  if (stat.isFile()) {
    out.push(dir)
    return
  }
  for (const entry of fs.readdirSync(dir).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    collect(path.join(dir, entry), out)
  }
}

/** A hash over every input of the admin build, to know when the build is stale. */
export function adminSourceHash(projectDir: string): string {
  const files: string[] = []
  for (const input of INPUTS) collect(path.join(projectDir, input), files)
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(path.relative(projectDir, file))
    hash.update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

/** Whether `.next` holds a finished build of exactly the current sources. */
export function adminBuildIsCurrent(projectDir: string): boolean {
  const stamp = path.join(projectDir, '.next', STAMP)
  return (
    fs.existsSync(path.join(projectDir, '.next', 'BUILD_ID')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === adminSourceHash(projectDir)
  )
}

/**
 * Builds the admin (next build) when it is missing or older than its sources. Aborting
 * `options.signal` stops the build; the promise then rejects with an AbortError.
 */
export async function ensureAdminBuild(
  projectDir: string,
  options: { force?: boolean; log?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<{ built: boolean; seconds: number }> {
  const log = options.log ?? ((line: string) => console.log(line))
  if (!options.force && adminBuildIsCurrent(projectDir)) return { built: false, seconds: 0 }
  const release = await acquireBuildLock(projectDir, log, options.signal)
  try {
    // Another process may have built it while this one waited.
    if (!options.force && adminBuildIsCurrent(projectDir)) return { built: false, seconds: 0 }
    return await buildAdmin(projectDir, log, options.signal)
  } finally {
    release()
  }
}

const LOCK = '.next-build.lock'

/**
 * One build at a time per checkout: several server processes started together from one folder
 * (or a test run next to `npm start`) would otherwise write into the same `.next`. The lock is
 * a folder (mkdir is atomic) holding the builder's pid; a lock whose process is gone is stale.
 */
export async function acquireBuildLock(
  projectDir: string,
  log: (line: string) => void,
  signal: AbortSignal | undefined,
): Promise<() => void> {
  const lock = path.join(projectDir, LOCK)
  const owner = path.join(lock, 'pid')
  let told = false
  for (;;) {
    signal?.throwIfAborted()
    try {
      fs.mkdirSync(lock)
      fs.writeFileSync(owner, String(process.pid))
      return () => fs.rmSync(lock, { recursive: true, force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let pid = Number.NaN
    try {
      pid = Number(fs.readFileSync(owner, 'utf8'))
    } catch {
      // Just created by another process, pid not written yet: wait a moment.
    }
    const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
    if ((Number.isInteger(pid) && pid > 0 && !processIsAlive(pid)) || (!pid && age > 10_000)) {
      fs.rmSync(lock, { recursive: true, force: true })
      continue
    }
    if (!told) {
      log('Een ander proces bouwt de beheeromgeving al; even wachten...')
      told = true
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function buildAdmin(
  projectDir: string,
  log: (line: string) => void,
  signal: AbortSignal | undefined,
): Promise<{ built: boolean; seconds: number }> {
  log('De beheeromgeving wordt gebouwd (eenmalig, ongeveer een à twee minuten)...')
  const started = Date.now()
  const hash = adminSourceHash(projectDir)
  // An interrupted build must never pass for a current one.
  fs.rmSync(path.join(projectDir, '.next', STAMP), { force: true })
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectDir, 'node_modules/next/dist/bin/next'), 'build'],
      {
        cwd: projectDir,
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'inherit', 'inherit'],
        signal,
      },
    )
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build stopte met code ${code}`)),
    )
  })
  fs.writeFileSync(path.join(projectDir, '.next', STAMP), hash)
  return { built: true, seconds: Math.round((Date.now() - started) / 100) / 10 }
}
