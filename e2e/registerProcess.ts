import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

/** The register as the browser journey runs it: `npm start` with its own data and ports. */
export interface RegisterProcess {
  url: string
  /** Stops the register (SIGTERM, then SIGKILL after a grace period). */
  stop: () => Promise<void>
}

/** A free TCP port on 127.0.0.1, asked from the kernel and released again. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

// Values of the calling shell that would point the register at another database or server.
const DROPPED_VARIABLES = [
  'DATABASE_URL',
  'PAYLOAD_SECRET',
  'SERVER_URL',
  'ADMIN',
  'NODE_OPTIONS',
  'SEED_DEMO',
]

/**
 * Starts `host/cli/start.ts` (the production admin build, embedded PostgreSQL, demo data) on free
 * ports with a fresh DATA_DIR, and resolves once the register says it is running. Its output
 * goes to `logFile`.
 */
export async function startRegisterProcess(options: {
  projectDir: string
  dataDir: string
  logFile: string
  timeoutMs?: number
}): Promise<RegisterProcess> {
  const port = await freePort()
  const embeddedPort = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of DROPPED_VARIABLES) delete env[name]
  Object.assign(env, {
    PORT: String(port),
    EMBEDDED_PG_PORT: String(embeddedPort),
    DATA_DIR: options.dataDir,
    SEED_DEMO: 'true',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    JOBS_INTERVAL_MS: '2000',
  })
  const log = fs.createWriteStream(options.logFile)
  const child = spawn(
    process.execPath,
    [path.join(options.projectDir, 'scripts/run.mjs'), 'host/cli/start.ts'],
    {
      cwd: options.projectDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    log.write(chunk)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    await exited
    clearTimeout(killer)
    stopLeftoverPostgres(options.dataDir)
    log.end()
  }

  const timeoutMs = options.timeoutMs ?? 300_000
  const ready = new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const timer = setInterval(() => {
      if (/Het algoritmeregister draait/.test(output)) {
        clearInterval(timer)
        resolve()
      } else if (child.exitCode !== null) {
        clearInterval(timer)
        reject(
          new Error(
            `Het register stopte tijdens het starten (code ${child.exitCode}). Zie ${options.logFile}.`,
          ),
        )
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer)
        reject(
          new Error(
            `Het register startte niet binnen ${timeoutMs / 1000} s. Zie ${options.logFile}.`,
          ),
        )
      }
    }, 200)
  })
  try {
    await ready
  } catch (error) {
    // A register that hangs while starting must not outlive the test run.
    await stop()
    throw error
  }
  return { url: `http://localhost:${port}`, stop }
}

/** A new empty DATA_DIR that the `postgres` account can enter (the register may run as root). */
export function freshDataDir(parent: string): string {
  fs.mkdirSync(parent, { recursive: true })
  const dir = fs.mkdtempSync(path.join(parent, 'data-'))
  fs.chmodSync(dir, 0o755)
  return dir
}

/**
 * When the register had to be killed, its embedded PostgreSQL may still run; its process id is
 * the first line of postmaster.pid. SIGINT is PostgreSQL's fast shutdown.
 */
function stopLeftoverPostgres(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0) return
  try {
    process.kill(pid, 'SIGINT')
  } catch (_error) {
    // Already gone.
  }
}
