import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root, where `host/cli/start.ts` lives. */
export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Variables the Jest run sets for in-process tests; a fresh machine has none of them. */
const INHERITED_TEST_VARIABLES = [
  'DATABASE_URL',
  'PAYLOAD_SECRET',
  'SERVER_URL',
  'DATA_DIR',
  'MAIL_TRANSPORT',
  'NODE_ENV',
  'NODE_OPTIONS',
  'PORT',
  'EMBEDDED_PG_PORT',
  'SEED_DEMO',
  'ADMIN',
]

export interface ExitResult {
  code: number | null
  signal: NodeJS.Signals | null
}

/** A `node scripts/run.mjs host/cli/start.ts` child process and what it printed. */
export interface RegisterProcess {
  child: ChildProcess
  pid: number
  dataDir: string
  port: number
  embeddedPort: number
  /** http://127.0.0.1:<port> */
  url: string
  /** Everything printed so far on stdout, without colour codes. */
  stdout: () => string
  /** Everything printed so far on stderr, without colour codes. */
  stderr: () => string
  /** Resolves with the output that matched; rejects when the process exits first or on timeout. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>
  /** Resolves when the process has exited. */
  exited: Promise<ExitResult>
  /** Sends `signal` and waits for the exit. */
  stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<ExitResult>
}

export interface SpawnOptions {
  dataDir: string
  port?: number
  embeddedPort?: number
  /** Extra variables; `undefined` removes one. ADMIN defaults to 'false'. */
  env?: Record<string, string | undefined>
  /** Start in a process group of its own, so a test can signal the group like a terminal does. */
  ownProcessGroup?: boolean
  /**
   * Run `npm start` itself (npm → sh → node), as a supervisor would, instead of node directly;
   * the child's pid is then npm's.
   */
  viaNpm?: boolean
}

const spawned = new Set<RegisterProcess>()
const dataDirs = new Set<string>()

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
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

/** A new, empty temporary DATA_DIR, removed by `cleanUpRegisters`. */
export function makeDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `register-startup-${label}-`))
  dataDirs.add(dir)
  return dir
}

/** Registers a path (file or folder) for removal by `cleanUpRegisters`. */
export function removeLater(target: string): void {
  dataDirs.add(target)
}

function stripColours(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '')
}

/**
 * Node's arguments for what `npm start` runs (`exec node scripts/run.mjs ...`), without npm, so
 * that a signal sent to the child's pid reaches the register itself.
 */
function startCommand(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>
  }
  const [program, ...args] = (manifest.scripts?.start ?? '')
    .trim()
    .replace(/^exec\s+/, '')
    .split(/\s+/)
  if (program === 'node') return args
  throw new Error(`cannot run the start script without npm: ${manifest.scripts?.start}`)
}

/** Starts the real start CLI as a child process, as `npm start` would. */
export async function spawnRegister(options: SpawnOptions): Promise<RegisterProcess> {
  const port = options.port ?? (await freePort())
  const embeddedPort = options.embeddedPort ?? (await freePort())
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of INHERITED_TEST_VARIABLES) delete env[name]
  for (const name of Object.keys(env)) if (name.startsWith('REGISTER_TEST_')) delete env[name]
  Object.assign(env, {
    ADMIN: 'false',
    PORT: String(port),
    EMBEDDED_PG_PORT: String(embeddedPort),
    DATA_DIR: options.dataDir,
    NEXT_TELEMETRY_DISABLED: '1',
  })
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  // npm_execpath is set when the tests themselves run under npm; otherwise npm is on the PATH.
  const npm = process.env.npm_execpath
  const [command, args] = options.viaNpm
    ? npm
      ? [process.execPath, [npm, 'start']]
      : ['npm', ['start']]
    : [process.execPath, startCommand()]
  const child = spawn(command, args, {
    cwd: projectDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  })
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach((listener) => listener())
  child.stdout?.on('data', (d: Buffer) => {
    stdout += stripColours(d.toString())
    changed()
  })
  child.stderr?.on('data', (d: Buffer) => {
    stderr += stripColours(d.toString())
    changed()
  })
  let exitResult: ExitResult | undefined
  const exited = new Promise<ExitResult>((resolve) => {
    child.once('exit', (code, signal) => {
      exitResult = { code, signal }
      // Let the last output arrive before anyone reads it.
      setImmediate(() => {
        changed()
        resolve({ code, signal })
      })
    })
  })

  const waitFor = (pattern: RegExp, timeoutMs = 90_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = (stdout + stderr).match(pattern)
        if (match) {
          done()
          resolve(match[0])
        } else if (exitResult) {
          done()
          reject(
            new Error(
              `the register exited (${JSON.stringify(exitResult)}) before printing ${pattern}\n` +
                `stdout:\n${stdout}\nstderr:\n${stderr}`,
            ),
          )
        }
      }
      const timer = setTimeout(() => {
        done()
        reject(
          new Error(`no ${pattern} within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`),
        )
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        listeners.delete(check)
      }
      listeners.add(check)
      check()
    })

  const running: RegisterProcess = {
    child,
    pid: child.pid ?? -1,
    dataDir: options.dataDir,
    port,
    embeddedPort,
    url: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor,
    exited,
    stop: async (signal = 'SIGTERM', timeoutMs = 30_000) => {
      if (!exitResult) child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      const result = await exited
      clearTimeout(timer)
      return result
    },
  }
  spawned.add(running)
  exited.then(() => spawned.delete(running))
  dataDirs.add(options.dataDir)
  return running
}

/** Waits until the register printed its ready banner (the server listens by then). */
export async function waitUntilReady(
  register: RegisterProcess,
  timeoutMs = 180_000,
): Promise<void> {
  await register.waitFor(/Het algoritmeregister draait/, timeoutMs)
}

/** Pids of PostgreSQL server processes whose command line names `dataDir` (read from /proc). */
export function postgresPidsFor(dataDir: string): number[] {
  const pids: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let cmdline = ''
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ')
    } catch (_error) {
      continue
    }
    if (/(^|\/)postgres\s/.test(cmdline) && cmdline.includes(dataDir)) pids.push(Number(entry))
  }
  return pids
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (_error) {
    return false
  }
}

async function waitUntilGone(pids: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
}

/** Stops (SIGTERM) every register from this file that still runs: for afterEach. */
export async function stopRunningRegisters(): Promise<void> {
  for (const register of [...spawned]) await register.stop('SIGTERM')
}

/**
 * Kills every register this file started and every PostgreSQL left on their data folders,
 * then removes the folders. For afterAll, also after a failed test.
 */
export async function cleanUpRegisters(): Promise<void> {
  for (const register of [...spawned]) await register.stop('SIGKILL', 5000)
  for (const dir of dataDirs) {
    if (!fs.existsSync(dir)) continue
    const pids = postgresPidsFor(dir)
    for (const pid of pids) {
      try {
        // SIGQUIT: immediate shutdown, which also ends the server's own child processes.
        process.kill(pid, 'SIGQUIT')
      } catch (_error) {
        // Already gone.
      }
    }
    await waitUntilGone(pids, 10_000)
    for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL')
  }
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
  dataDirs.clear()
}

/** Asserts-friendly summary of a finished run: lines that look like a JavaScript stack trace. */
export function stackTraceLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s+at\s.+(\(|:\d+)/.test(line))
}
