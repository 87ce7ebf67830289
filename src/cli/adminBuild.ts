import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Files and folders whose content ends up in the admin bundle. */
const INPUTS = [
  'collections',
  'hooks',
  'access',
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
        signal: options.signal,
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
