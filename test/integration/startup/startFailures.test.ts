/**
 * Start problems a person can fix must end with exit code 1 and one clear sentence on stderr,
 * never a stack trace, and must not leave a database running.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { afterAll, describe, expect, it, jest } from '@jest/globals'

import {
  cleanUpRegisters,
  freePort,
  makeDataDir,
  postgresPidsFor,
  spawnRegister,
  stackTraceLines,
  type RegisterProcess,
} from '../../support/spawnRegister'

// Longer than waitUntilReady's limit, so a slow start fails with the register's output.
jest.setTimeout(240_000)

afterAll(async () => {
  await cleanUpRegisters()
})

const PREFIX = 'Het register kon niet starten: '

/** Runs the start CLI to its end and checks the common promises of a refused start. */
async function refusedStart(
  dataDir: string,
  env: Record<string, string | undefined> = {},
  extra: { port?: number; embeddedPort?: number } = {},
): Promise<{ message: string; register: RegisterProcess }> {
  const register = await spawnRegister({ dataDir, env, ...extra })
  const result = await register.exited
  expect(result).toEqual({ code: 1, signal: null })
  const stderr = register.stderr().trim()
  expect(stackTraceLines(register.stderr())).toEqual([])
  // Exactly one line, starting with the common prefix.
  expect(stderr.split('\n')).toHaveLength(1)
  expect(stderr.startsWith(PREFIX)).toBe(true)
  expect(postgresPidsFor(dataDir)).toEqual([])
  return { message: stderr.slice(PREFIX.length), register }
}

/** Holds a TCP port on 127.0.0.1 as another program would. */
async function holdPort(port: number, host = '127.0.0.1'): Promise<net.Server> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen({ port, host }, () => resolve()))
  return server
}

describe('a refused start', () => {
  it('names a wrong setting', async () => {
    const dataDir = makeDataDir('failures')
    const { message } = await refusedStart(dataDir, { PORT: 'abc' })
    expect(message).toBe("PORT moet een geheel getal van 0 tot 65535 zijn, niet 'abc'.")
    const seed = await refusedStart(dataDir, { SEED_DEMO: 'misschien' })
    expect(seed.message).toBe("SEED_DEMO moet true of false zijn, niet 'misschien'.")
  })

  it('says so when DATA_DIR is a file instead of a folder', async () => {
    const parent = makeDataDir('failures')
    const file = path.join(parent, 'geen-map')
    fs.writeFileSync(file, 'dit is een bestand')
    const { message } = await refusedStart(file)
    expect(message).toBe(
      `De map in DATA_DIR (${file}) is niet bruikbaar: daar staat een bestand in plaats van een map. ` +
        'Kies met DATA_DIR een map waarin je mag schrijven.',
    )
    // With PAYLOAD_SECRET set the folder is first used by the database: same kind of message.
    const withSecret = await refusedStart(file, { PAYLOAD_SECRET: 'een-lang-geheim-voor-de-test' })
    expect(withSecret.message).toBe(
      `De map voor de database (${file}) is niet bruikbaar: daar staat een bestand in plaats van een map. ` +
        'Kies met DATA_DIR een map waarin je mag schrijven.',
    )
    // A folder below a file cannot be made either.
    const below = path.join(file, 'data')
    const nested = await refusedStart(below)
    expect(nested.message).toBe(
      `De map in DATA_DIR (${below}) is niet bruikbaar: daar staat een bestand in plaats van een map. ` +
        'Kies met DATA_DIR een map waarin je mag schrijven.',
    )
    expect(fs.readFileSync(file, 'utf8')).toBe('dit is een bestand')
  })

  it('says so when the database cannot use the folder', async () => {
    const parent = makeDataDir('failures')
    const closed = path.join(parent, 'afgesloten')
    const dataDir = path.join(closed, 'data')
    fs.mkdirSync(dataDir, { recursive: true })
    const asRoot = process.getuid?.() === 0
    // As root PostgreSQL runs as "postgres", which cannot pass a mode-700 folder (a home folder,
    // typically). As an ordinary user a read-only folder is the same kind of problem.
    fs.chmodSync(asRoot ? closed : dataDir, asRoot ? 0o700 : 0o500)
    try {
      const { message } = await refusedStart(dataDir, {
        PAYLOAD_SECRET: 'een-lang-geheim-voor-de-test',
      })
      expect(message).toBe(
        asRoot
          ? 'PostgreSQL draait als gebruiker "postgres" omdat het register als root is gestart, ' +
              `en die gebruiker kan de map ${dataDir} niet openen (een bovenliggende map is ` +
              'afgeschermd). Kies met DATA_DIR een map die iedereen mag openen, zoals ' +
              '/var/lib/algoritmeregister, of start als gewone gebruiker.'
          : `De map voor de database (${dataDir}) is niet bruikbaar: je hebt geen toestemming ` +
              'om daar te schrijven. Kies met DATA_DIR een map waarin je mag schrijven.',
      )
    } finally {
      fs.chmodSync(closed, 0o755)
      fs.chmodSync(dataDir, 0o755)
    }
  })

  it('says so when the port of the embedded database is taken', async () => {
    const dataDir = makeDataDir('failures')
    const embeddedPort = await freePort()
    const holder = await holdPort(embeddedPort)
    try {
      const { message } = await refusedStart(dataDir, {}, { embeddedPort })
      expect(message).toBe(
        `Poort ${embeddedPort} voor de ingebouwde database is al in gebruik. ` +
          'Kies een andere poort met EMBEDDED_PG_PORT, of stop het programma dat die poort gebruikt.',
      )
    } finally {
      holder.close()
    }
  })

  it('says so when the web port is taken, before starting the database', async () => {
    const dataDir = makeDataDir('failures')
    const port = await freePort()
    const holder = await holdPort(port, '0.0.0.0')
    try {
      const { message, register } = await refusedStart(dataDir, {}, { port })
      expect(message).toBe(
        `Poort ${port} is al in gebruik. Kies een andere met PORT=..., of stop het programma dat die poort gebruikt.`,
      )
      // Refused early: no cluster was created, nothing was migrated.
      expect(fs.existsSync(path.join(dataDir, 'postgres'))).toBe(false)
      expect(register.stdout()).not.toContain('Migrating')
    } finally {
      holder.close()
    }
  })

  it('says so when DATABASE_URL points at nothing', async () => {
    const dataDir = makeDataDir('failures')
    const deadPort = await freePort()
    const { message } = await refusedStart(dataDir, {
      DATABASE_URL: `postgres://register:geheim@127.0.0.1:${deadPort}/register`,
      PAYLOAD_SECRET: 'een-lang-geheim-voor-de-test',
    })
    expect(message).toBe(
      `De database in DATABASE_URL (127.0.0.1:${deadPort}/register) is niet bereikbaar: ` +
        'er luistert geen database op dat adres en die poort.',
    )
    // The password is never repeated in a message.
    expect(message).not.toContain('geheim@')
  })

  it('says so when the server in DATABASE_URL refuses the login', async () => {
    const dataDir = makeDataDir('failures')
    // The run's own test server (embedded, or the one in DATABASE_URL).
    const server = new URL(process.env.REGISTER_TEST_ADMIN_URL as string)
    server.username = 'niemand_hier'
    server.password = 'fout'
    const { message } = await refusedStart(dataDir, {
      DATABASE_URL: server.toString(),
      PAYLOAD_SECRET: 'een-lang-geheim-voor-de-test',
    })
    expect(message).toMatch(
      new RegExp(
        `^De database in DATABASE_URL \\(${server.hostname}:${server.port || 5432}/postgres\\) weigert de verbinding: `,
      ),
    )
  })

  it('asks for PAYLOAD_SECRET when it runs in production on an external database', async () => {
    const dataDir = makeDataDir('failures')
    const { message } = await refusedStart(dataDir, {
      DATABASE_URL: 'postgres://register@127.0.0.1:5432/register',
    })
    expect(message).toBe('Zet PAYLOAD_SECRET (een lange willekeurige tekst) voor productie.')
  })
})
