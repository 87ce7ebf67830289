/**
 * `npm run bench`: the public content API under load, side by side with Payload's own REST API
 * and a bare node:http ceiling, on a seeded register of 10,000 published algorithms (500
 * organisations, 5 revisions each). Then 60 s of mixed traffic while approvals run, checking
 * every response for errors, stale content and unpublished content. Prints a table and writes
 * JSON to bench/results/. Not a test: the numbers depend on the machine.
 *
 * Settings (environment): DATABASE_URL (a server to create the bench database on; default an
 * embedded PostgreSQL), BENCH_ALGORITHMS (10000), BENCH_ORGANISATIONS (500), BENCH_REVISIONS (5),
 * BENCH_DURATION (seconds per scenario, 10), BENCH_MIXED_DURATION (60), BENCH_CONNECTIONS (32),
 * BENCH_MIXED_CONNECTIONS (64), BENCH_GROWTH (sizes of the growth curve, default 1000,10000;
 * `off` to skip), BENCH_GROWTH_100K=1 (adds 100,000 descriptions to the curve; seeding takes
 * minutes), BENCH_GROWTH_DURATION (seconds per growth scenario, default BENCH_DURATION).
 *
 * Besides the cached rows it measures what a cache does not help with: a search with a different
 * query on every request (words drawn from the seeded descriptions, facet counts included),
 * list/detail/search with the cache off, Payload's REST list against the same list on a server
 * whose algorithms collection has none of the register's hooks, and a growth curve. The
 * EXPLAIN (ANALYZE, BUFFERS) of every public query is printed before the runs.
 */
import { projectRoot } from '../src/projectRoot'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import autocannon from 'autocannon'
import pg from 'pg'

import { htmlToLexical } from '../src/standard/richText'
import { createBenchDatabase, migrateBenchDatabase } from './benchDatabase'
import { explainPublicQueries, formatExplained } from './explainQueries'
import { seedBench } from './seedBench'

const projectDir = projectRoot
const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const SETTINGS = {
  algorithms: numberFrom('BENCH_ALGORITHMS', 10000),
  organisations: numberFrom('BENCH_ORGANISATIONS', 500),
  revisions: numberFrom('BENCH_REVISIONS', 5),
  duration: numberFrom('BENCH_DURATION', 10),
  warmup: numberFrom('BENCH_WARMUP', 3),
  mixedDuration: numberFrom('BENCH_MIXED_DURATION', 60),
  connections: numberFrom('BENCH_CONNECTIONS', 32),
  mixedConnections: numberFrom('BENCH_MIXED_CONNECTIONS', 64),
  approvalAlgorithms: 8,
  growth: growthSizes(),
  growthDuration: numberFrom('BENCH_GROWTH_DURATION', numberFrom('BENCH_DURATION', 10)),
}

/** Sizes of the growth curve (see the header). */
function growthSizes(): number[] {
  const raw = process.env.BENCH_GROWTH ?? '1000,10000'
  if (raw === 'off' || raw === '0') return []
  const sizes = raw
    .split(',')
    .map((value) => Number(value.trim()))
    .filter((value) => Number.isInteger(value) && value > 0)
  if (process.env.BENCH_GROWTH_100K === '1' && !sizes.includes(100000)) sizes.push(100000)
  return sizes.sort((a, b) => a - b)
}

/** Uncached list rate on the reference machine before issue 19 (README "Benchmark"). */
const UNCACHED_LIST_BEFORE = 576
const PASSWORD = 'Bench-wachtwoord-1'
/** The heap setting the README's production command uses. */
const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=256'

function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** A child process that prints `LISTENING <port>` when it is ready. */
function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectDir, 'scripts/run.mjs'), path.join(projectDir, script), ...args],
      {
        cwd: projectDir,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 120000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /LISTENING (\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        child.stdout?.resume()
        resolve({ child, url: `http://127.0.0.1:${match[1]}` })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code}:\n${output.slice(-4000)}`))
    })
  })
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve()
    }, 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Resident memory of a process in MB (current, and the peak so far). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init)
  const text = await response.text()
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 500)}`)
  return JSON.parse(text) as T
}

async function login(url: string, email: string): Promise<string> {
  const body = await json<{ token: string }>(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  return body.token
}

async function restCall(
  url: string,
  token: string,
  method: string,
  route: string,
  body: unknown,
): Promise<unknown> {
  return json(`${url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  })
}

/** The main server's largest resident memory per scenario (sampled every 200 ms). */
const rssByScenario: Record<string, number> = {}
let currentScenario = 'start'

/** Measured numbers of one scenario. */
interface Measurement {
  scenario: string
  url: string
  connections: number
  durationS: number
  requests: number
  requestsPerSecond: number
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number }
  errors: number
  non2xx: number
  bytesPerResponse: number
  /** Largest RSS of the main server while this scenario ran, in MB. */
  mainServerRssMb?: number
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

interface LoadOptions {
  scenario: string
  url: string
  connections: number
  duration: number
  headers?: Record<string, string>
  requests?: autocannon.Request[]
}

/** One autocannon run; latencies of every response are kept to compute exact percentiles. */
async function load(options: LoadOptions): Promise<Measurement> {
  const latencies: number[] = []
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    headers: options.headers,
    requests: options.requests,
  })
  instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
    latencies.push(time)
  })
  const result = await instance
  latencies.sort((a, b) => a - b)
  const mean = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length)
  return {
    scenario: options.scenario,
    url: options.url,
    connections: options.connections,
    durationS: options.duration,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / options.duration, 0),
    latencyMs: {
      mean: round(mean),
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? 0),
    },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: round(result.throughput.total / Math.max(1, latencies.length), 0),
  }
}

/** Warms up (not measured), then measures. */
async function measure(options: LoadOptions): Promise<Measurement> {
  log(
    `${options.scenario}: warm-up ${SETTINGS.warmup} s, then ${options.duration} s at ${options.connections} connections`,
  )
  currentScenario = options.scenario
  await load({ ...options, duration: SETTINGS.warmup })
  const result = await load(options)
  result.mainServerRssMb = round(rssByScenario[options.scenario] ?? 0, 0)
  log(
    `${options.scenario}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
  )
  return result
}

function randomOf<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]
}

/** An algorithm whose public version the mixed phase keeps approving. */
interface ApprovalTarget {
  id: number
  lars: string
  /** Highest version whose approval was sent (or earlier: completed). */
  issued: number
  /** Completed approvals: version and performance.now() when the approve call returned. */
  completed: Array<{ version: number; at: number }>
}

const MARKER = /Benchmarkversie (\d+)\b/

function approvalDescription(version: number): string {
  return `Benchmarkversie ${version}: een programma verdeelt de controles over de wijken.`
}

async function main(): Promise<void> {
  const started = Date.now()
  const cpus = os.cpus()
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((value) => round(value, 1)),
  }
  log(
    `machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}`,
  )

  const database = await createBenchDatabase()
  const children: ChildProcess[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-bench-data-'))
  try {
    log(`database: ${database.kind}; migrating`)
    migrateBenchDatabase(database.url, projectDir)

    log(
      `seeding ${SETTINGS.algorithms} algorithms × ${SETTINGS.revisions} revisions in ${SETTINGS.organisations} organisations (SQL, bench only)`,
    )
    const seedStarted = Date.now()
    const client = new pg.Client({ connectionString: database.url })
    client.on('error', (error: Error) => log(`seeding connection: ${error.message}`))
    await client.connect()
    const seeded = await seedBench(client, {
      algorithms: SETTINGS.algorithms,
      organisations: SETTINGS.organisations,
      revisionsPerAlgorithm: SETTINGS.revisions,
    })
    const counts = (
      await client.query(`SELECT (SELECT count(*) FROM public_algorithms)::int AS published,
        (SELECT count(*) FROM revisions)::int AS revisions, (SELECT count(*) FROM organisations)::int AS organisations`)
    ).rows[0] as Record<string, number>
    // As autovacuum would soon after a bulk load: the visibility map lets index-only scans skip the heap.
    await client.query('VACUUM ANALYZE')
    const explained = await explainPublicQueries(client, {
      lars: seeded.lars[0],
      searchTerm: seeded.searchTerms[0],
      organisation: seeded.organisationCodes[0],
    })
    log(`EXPLAIN (ANALYZE, BUFFERS) of the public API's queries:\n${formatExplained(explained)}`)
    await client.end()
    log(`seeded in ${round((Date.now() - seedStarted) / 1000, 1)} s: ${JSON.stringify(counts)}`)

    // People and an organisation for the approvals, through Payload's Local API.
    const env: Record<string, string> = {
      // Heap settings for the server processes only. By default the ones the README gives for
      // production (`NODE_OPTIONS=--max-old-space-size=256 npm start`); '' for Node's defaults.
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? PRODUCTION_NODE_OPTIONS,
      DATABASE_URL: database.url,
      PAYLOAD_SECRET: 'bench-secret',
      MAIL_TRANSPORT: 'memory',
      DATA_DIR: dataDir,
      SERVER_URL: 'https://algoritmeregister.example.org',
      // One load generator on one address sends thousands of requests a second: no rate limit.
      PUBLIC_RATE_LIMIT: '0',
      NODE_ENV: 'production',
    }
    Object.assign(process.env, { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' })
    const { getPayload } = await import('payload')
    const config = (await import('../payload.config')).default
    const payload = await getPayload({ config: await config })
    const organisation = await payload.create({
      collection: 'organisations',
      data: {
        name: 'Gemeente Benchmark',
        code: 'gm0999',
        type: 'gemeente',
        settings: { fourEyes: true },
      },
      overrideAccess: true,
    })
    const person = (name: string, role: 'redacteur' | 'goedkeurder' | null) =>
      payload.create({
        collection: 'users',
        data: {
          email: `${name.toLowerCase()}@bench.example`,
          password: PASSWORD,
          name,
          isPlatformAdmin: role === null,
          memberships: role ? [{ organisation: organisation.id, role }] : [],
        },
        overrideAccess: true,
      })
    const editorUser = await person('Redacteur', 'redacteur')
    const reviewerUser = await person('Goedkeurder', 'goedkeurder')
    const adminUser = await person('Beheerder', null)

    log('starting the register server (as createServer mounts it) and one with the cache off')
    const main = await startChild('bench/benchServer.ts', [], env)
    children.push(main.child)
    const uncached = await startChild('bench/benchServer.ts', [], {
      ...env,
      PUBLIC_API_CACHE_MB: '0',
    })
    children.push(uncached.child)
    const bare = await startChild('bench/benchServer.ts', [], {
      ...env,
      BENCH_BARE_ALGORITHMS: '1',
    })
    children.push(bare.child)
    const serverPid = main.child.pid as number
    const rssAtStart = memoryOf(serverPid)

    const editor = await login(main.url, editorUser.email)
    const reviewer = await login(main.url, reviewerUser.email)
    const admin = await login(main.url, adminUser.email)

    log(
      `publishing ${SETTINGS.approvalAlgorithms} algorithms through the workflow for the approval phase`,
    )
    const targets: ApprovalTarget[] = []
    for (let i = 0; i < SETTINGS.approvalAlgorithms; i += 1) {
      const created = (await restCall(main.url, editor, 'POST', '/api/algorithms', {
        name: `Controles verdelen ${i + 1}`,
        organization: organisation.id,
        description_short: approvalDescription(1),
        category: ['Openbare orde en veiligheid'],
        status: 'In gebruik',
        begin_date: '2024-01',
        contact_email: 'algoritmes@benchmark.example',
        publication_category: 'Overige algoritmes',
        goal: htmlToLexical('<p>Wij willen de controles eerlijk verdelen.</p>'),
        human_intervention: htmlToLexical(
          '<p>Een medewerker kijkt elke week naar de planning.</p>',
        ),
      })) as { doc: { id: number; lars: string } }
      const id = created.doc.id
      await restCall(main.url, editor, 'POST', `/api/algorithms/${id}/transition`, {
        action: 'submit',
        expectedState: 'concept',
      })
      await restCall(main.url, reviewer, 'POST', `/api/algorithms/${id}/transition`, {
        action: 'approve',
        expectedState: 'ter_beoordeling',
      })
      targets.push({
        id,
        lars: created.doc.lars,
        issued: 1,
        completed: [{ version: 1, at: performance.now() }],
      })
    }

    // The ceiling serves a precomputed copy of exactly the list response measured below.
    const listPath = '/register/v1/algorithms?pageSize=20'
    const listResponse = await fetch(`${main.url}${listPath}`)
    const listBody = Buffer.from(await listResponse.arrayBuffer())
    const ceilingFile = path.join(dataDir, 'ceiling.json')
    const copied: Record<string, string> = {}
    for (const name of [
      'content-type',
      'etag',
      'cache-control',
      'api-version',
      'access-control-allow-origin',
      'access-control-expose-headers',
    ]) {
      const value = listResponse.headers.get(name)
      if (value) copied[name] = value
    }
    fs.writeFileSync(
      ceilingFile,
      JSON.stringify({ headers: copied, body: listBody.toString('base64') }),
    )
    const ceiling = await startChild('bench/ceilingServer.ts', [ceilingFile], {})
    children.push(ceiling.child)

    const memory = { maxRssMb: 0 }
    const sampler = setInterval(() => {
      try {
        const rss = memoryOf(serverPid).rssMb
        memory.maxRssMb = Math.max(memory.maxRssMb, rss)
        rssByScenario[currentScenario] = Math.max(rssByScenario[currentScenario] ?? 0, rss)
      } catch (_error) {
        // The process may be gone at the very end.
      }
    }, 200)

    const randomDetail = (base: string): autocannon.Request => ({
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        path: `${base}/${randomOf(seeded.lars)}`,
      }),
    })
    const randomSearch = (): autocannon.Request => ({
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        path: `/register/v1/algorithms?q=${encodeURIComponent(randomOf(seeded.searchTerms))}&pageSize=20`,
      }),
    })
    /** A different search on every request: 1-3 words of the seeded descriptions, some with "or". */
    const sentQueries = new Set<string>()
    let sentSearches = 0
    const uniqueQuery = () => {
      const count = 1 + Math.floor(Math.random() * 3)
      const parts = Array.from({ length: count }, () => randomOf(seeded.words))
      return parts.reduce((text, word) => `${text}${Math.random() < 0.5 ? ' ' : ' or '}${word}`)
    }
    const uniqueSearch = (): autocannon.Request => ({
      setupRequest: (request: autocannon.Request) => {
        let query = uniqueQuery()
        for (let tries = 0; sentQueries.has(query) && tries < 20; tries += 1) query = uniqueQuery()
        sentQueries.add(query)
        sentSearches += 1
        return {
          ...request,
          path: `/register/v1/algorithms?q=${encodeURIComponent(query)}&pageSize=20`,
        }
      },
    })
    /** Requests every detail once (16 at a time), as a server that has been running for a while has. */
    const warmDetails = async (base: string) => {
      currentScenario = 'warming details'
      const queue = [...seeded.lars]
      const started = Date.now()
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let lars = queue.pop(); lars; lars = queue.pop()) {
            await (await fetch(`${base}/register/v1/algorithms/${lars}`)).arrayBuffer()
          }
        }),
      )
      log(
        `warmed ${seeded.lars.length} details on ${base} in ${round((Date.now() - started) / 1000, 1)} s`,
      )
    }
    await warmDetails(main.url)
    const c = SETTINGS.connections
    const d = SETTINGS.duration
    const results: Measurement[] = []
    results.push(
      await measure({
        scenario: 'public list (page of 20)',
        url: `${main.url}${listPath}`,
        connections: c,
        duration: d,
      }),
    )
    results.push(
      await measure({
        scenario: 'public detail (random of all)',
        url: `${main.url}/register/v1/algorithms`,
        connections: c,
        duration: d,
        requests: [randomDetail('/register/v1/algorithms')],
      }),
    )
    results.push(
      await measure({
        scenario: `public full-text search (${seeded.searchTerms.length} queries)`,
        url: `${main.url}/register/v1/algorithms`,
        connections: c,
        duration: d,
        requests: [randomSearch()],
      }),
    )
    results.push(
      await measure({
        scenario: 'public search, a different query each request (facets included)',
        url: `${main.url}/register/v1/algorithms`,
        connections: c,
        duration: d,
        requests: [uniqueSearch()],
      }),
    )
    const payloadPath =
      '/api/algorithms?where[workflow.state][equals]=gepubliceerd&limit=20&depth=0&sort=name'
    results.push(
      await measure({
        scenario: 'Payload REST list (same page, depth=0)',
        url: `${main.url}${payloadPath}`,
        connections: c,
        duration: d,
        headers: { authorization: `JWT ${admin}` },
      }),
    )
    results.push(
      await measure({
        scenario: "Payload REST list, collection without the register's hooks",
        url: `${bare.url}${payloadPath}`,
        connections: c,
        duration: d,
        headers: { authorization: `JWT ${admin}` },
      }),
    )
    // What the admin's list view asks for: its default columns only (enableListViewSelectAPI).
    const adminColumns = ['name', 'organization', 'publication_category', 'workflow', 'updatedAt']
      .map((field) => `select[${field}]=true`)
      .join('&')
    results.push(
      await measure({
        scenario: "Payload REST list, the admin list's columns (10 rows)",
        url: `${main.url}/api/algorithms?limit=10&depth=0&${adminColumns}`,
        connections: c,
        duration: d,
        headers: { authorization: `JWT ${admin}` },
      }),
    )
    results.push(
      await measure({
        scenario: 'ceiling: bare node:http, precomputed list',
        url: ceiling.url,
        connections: c,
        duration: d,
      }),
    )
    results.push(
      await measure({
        scenario: 'public list, cache off',
        url: `${uncached.url}${listPath}`,
        connections: c,
        duration: d,
      }),
    )
    results.push(
      await measure({
        scenario: 'public detail, cache off',
        url: `${uncached.url}/register/v1/algorithms`,
        connections: c,
        duration: d,
        requests: [randomDetail('/register/v1/algorithms')],
      }),
    )
    results.push(
      await measure({
        scenario: 'public search, cache off',
        url: `${uncached.url}/register/v1/algorithms`,
        connections: c,
        duration: d,
        requests: [randomSearch()],
      }),
    )
    results.push(
      await measure({
        scenario: 'public search, cache off, a different query each request',
        url: `${uncached.url}/register/v1/algorithms`,
        connections: c,
        duration: d,
        requests: [uniqueSearch()],
      }),
    )
    const rssAfterScenarios = memoryOf(serverPid)

    // Mixed traffic with approvals running at the same time; every response is checked.
    log(
      `mixed: ${SETTINGS.mixedDuration} s at ${SETTINGS.mixedConnections} connections with approvals running`,
    )
    const check = {
      responses: 0,
      checked: 0,
      errors: 0,
      stale: 0,
      unpublished: 0,
      examples: [] as string[],
    }
    const byLars = new Map(targets.map((target) => [target.lars, target]))
    const verify = (lars: string, version: number, startedAt: number) => {
      const target = byLars.get(lars)
      if (!target) return
      check.checked += 1
      const required = target.completed
        .filter((entry) => entry.at < startedAt)
        .reduce((max, entry) => Math.max(max, entry.version), 0)
      if (version < required) {
        check.stale += 1
        if (check.examples.length < 10)
          check.examples.push(
            `stale ${lars}: saw ${version}, ${required} was approved before the request`,
          )
      }
      if (version > target.issued) {
        check.unpublished += 1
        if (check.examples.length < 10)
          check.examples.push(
            `unpublished ${lars}: saw ${version}, approvals sent up to ${target.issued}`,
          )
      }
    }
    const kinds: Array<{ kind: string; path: () => string }> = [
      { kind: 'list', path: () => listPath },
      { kind: 'detail', path: () => `/register/v1/algorithms/${randomOf(seeded.lars)}` },
      {
        kind: 'search',
        path: () => `/register/v1/algorithms?q=${encodeURIComponent(randomOf(seeded.searchTerms))}`,
      },
      { kind: 'approvalDetail', path: () => `/register/v1/algorithms/${randomOf(targets).lars}` },
      { kind: 'approvalList', path: () => '/register/v1/algorithms?organisation=gm0999' },
      { kind: 'detail', path: () => `/register/v1/algorithms/${randomOf(seeded.lars)}` },
      {
        kind: 'list',
        path: () => `/register/v1/algorithms?page=${1 + Math.floor(Math.random() * 50)}`,
      },
      {
        kind: 'search',
        path: () =>
          `/register/v1/algorithms?q=${encodeURIComponent(randomOf(seeded.searchTerms))}&theme=Werk`,
      },
      { kind: 'approvalDetail', path: () => `/register/v1/algorithms/${randomOf(targets).lars}` },
      { kind: 'detail', path: () => `/register/v1/algorithms/${randomOf(seeded.lars)}` },
    ]
    const mixedRequests: autocannon.Request[] = kinds.map(({ kind, path: makePath }) => ({
      setupRequest: (request: autocannon.Request, context: Record<string, unknown>) => {
        context.startedAt = performance.now()
        return { ...request, path: makePath() }
      },
      onResponse: (status: number, body: string, context: Record<string, unknown>) => {
        check.responses += 1
        if (status !== 200) {
          check.errors += 1
          if (check.examples.length < 10) check.examples.push(`${kind}: HTTP ${status}`)
          return
        }
        if (kind !== 'approvalDetail' && kind !== 'approvalList') return
        const startedAt = Number(context.startedAt ?? 0)
        const parsed = JSON.parse(String(body)) as {
          lars?: string
          description_short?: string
          results?: Array<{ lars: string; description_short: string }>
        }
        const items = kind === 'approvalDetail' ? [parsed] : (parsed.results ?? [])
        for (const item of items) {
          const version = Number(MARKER.exec(String(item.description_short))?.[1] ?? -1)
          verify(String(item.lars), version, startedAt)
        }
      },
    }))

    let approving = true
    const approvals = { completed: 0, failed: 0, durationsMs: [] as number[] }
    const approvalLoop = async (owned: ApprovalTarget[]) => {
      let index = 0
      while (approving) {
        const target = owned[index % owned.length]
        index += 1
        const next = target.issued + 1
        const begun = performance.now()
        try {
          // A new working version: a draft that must not show until its approval.
          await restCall(main.url, editor, 'PATCH', `/api/algorithms/${target.id}`, {
            description_short: approvalDescription(next),
          })
          await restCall(main.url, editor, 'POST', `/api/algorithms/${target.id}/transition`, {
            action: 'submit',
            expectedState: 'concept',
            changeSummary: `Versie ${next} voor de benchmark.`,
          })
          target.issued = next
          await restCall(main.url, reviewer, 'POST', `/api/algorithms/${target.id}/transition`, {
            action: 'approve',
            expectedState: 'ter_beoordeling',
          })
          target.completed.push({ version: next, at: performance.now() })
          approvals.completed += 1
          approvals.durationsMs.push(performance.now() - begun)
        } catch (error) {
          approvals.failed += 1
          if (check.examples.length < 10)
            check.examples.push(`approval failed: ${(error as Error).message.slice(0, 200)}`)
          approving = false
        }
      }
    }
    currentScenario = 'mixed list/detail/search with approvals'
    const loops = [approvalLoop(targets.slice(0, 4)), approvalLoop(targets.slice(4))]
    const mixed = await load({
      scenario: 'mixed list/detail/search with approvals',
      url: `${main.url}${listPath}`,
      connections: SETTINGS.mixedConnections,
      duration: SETTINGS.mixedDuration,
      requests: mixedRequests,
    })
    approving = false
    await Promise.all(loops)
    mixed.mainServerRssMb = round(rssByScenario[currentScenario] ?? 0, 0)
    clearInterval(sampler)
    const finalMemory = memoryOf(serverPid)
    log(
      `mixed: ${mixed.requestsPerSecond} req/s, p99 ${mixed.latencyMs.p99} ms; ${check.responses} responses checked for errors, ${check.checked} records checked for freshness; errors ${check.errors + mixed.errors}, stale ${check.stale}, unpublished ${check.unpublished}; ${approvals.completed} approvals`,
    )

    // The growth curve: the same uncached list and searches on registers of growing size.
    const growth: Array<{
      algorithms: number
      seedSeconds: number
      list: Measurement
      search: Measurement
      serverPeakRssMb: number
    }> = []
    for (const size of SETTINGS.growth) {
      log(`growth: ${size} descriptions; seeding a database of its own`)
      const grown = await createBenchDatabase()
      let server: ChildProcess | undefined
      try {
        migrateBenchDatabase(grown.url, projectDir)
        const seedClient = new pg.Client({ connectionString: grown.url })
        seedClient.on('error', (error: Error) => log(`growth seeding: ${error.message}`))
        await seedClient.connect()
        const began = Date.now()
        const grownSeed = await seedBench(seedClient, {
          algorithms: size,
          organisations: Math.min(SETTINGS.organisations, Math.max(10, Math.round(size / 20))),
          revisionsPerAlgorithm: 1,
        })
        await seedClient.query('VACUUM ANALYZE')
        const seedSeconds = round((Date.now() - began) / 1000, 1)
        const plans = await explainPublicQueries(seedClient, {
          lars: grownSeed.lars[0],
          searchTerm: grownSeed.searchTerms[0],
          organisation: grownSeed.organisationCodes[0],
        })
        log(
          `growth ${size}: seeded in ${seedSeconds} s; execution times: ${plans.map((plan) => `${plan.label} ${plan.executionMs} ms`).join('; ')}`,
        )
        await seedClient.end()
        const started = await startChild('bench/benchServer.ts', [], {
          ...env,
          DATABASE_URL: grown.url,
          PUBLIC_API_CACHE_MB: '0',
        })
        server = started.child
        const list = await measure({
          scenario: `growth ${size}: public list, cache off`,
          url: `${started.url}${listPath}`,
          connections: c,
          duration: SETTINGS.growthDuration,
        })
        const search = await measure({
          scenario: `growth ${size}: public search, cache off, a different query each request`,
          url: `${started.url}/register/v1/algorithms`,
          connections: c,
          duration: SETTINGS.growthDuration,
          requests: [uniqueSearch()],
        })
        growth.push({
          algorithms: size,
          seedSeconds,
          list,
          search,
          serverPeakRssMb: round(memoryOf(server.pid as number).peakMb, 0),
        })
      } finally {
        await stopChild(server)
        await grown.dispose().catch(() => undefined)
      }
    }
    const growthAt = (size: number) => growth.find((step) => step.algorithms === size)

    const byName = (prefix: string) =>
      results.find((result) => result.scenario.startsWith(prefix)) as Measurement
    const list = byName('public list (page')
    const restList = byName('Payload REST')
    const ceilingResult = byName('ceiling')
    const detail = byName('public detail (random')
    const search = byName('public full-text')
    const uniqueSearchResult = byName('public search, a different query')
    const uncachedList = byName('public list, cache off')
    const uncachedDetail = byName('public detail, cache off')
    const uncachedUniqueSearch = byName('public search, cache off, a different')
    const bareRestList = byName('Payload REST list, collection without')
    const adminColumnsList = byName("Payload REST list, the admin list's")
    const at10k = growthAt(10000)
    const at100k = growthAt(100000)
    const approvalDurations = [...approvals.durationsMs].sort((a, b) => a - b)
    const summary = {
      serverRssAtStartMb: round(rssAtStart.rssMb, 0),
      listVsPayloadRest: round(list.requestsPerSecond / Math.max(1, restList.requestsPerSecond), 1),
      listVsCeiling: round(
        list.requestsPerSecond / Math.max(1, ceilingResult.requestsPerSecond),
        2,
      ),
      detailP99Ms: detail.latencyMs.p99,
      searchP95Ms: search.latencyMs.p95,
      serverRssMaxMb: round(Math.max(memory.maxRssMb, finalMemory.rssMb), 0),
      serverRssPeakMb: round(finalMemory.peakMb, 0),
      uniqueSearchP95Ms: uniqueSearchResult.latencyMs.p95,
      uniqueQueries: { sent: sentSearches, distinct: sentQueries.size },
      uncachedListPerSecond: uncachedList.requestsPerSecond,
      uncachedListVsDetail: round(
        uncachedList.requestsPerSecond / Math.max(1, uncachedDetail.requestsPerSecond),
        2,
      ),
      uncachedUniqueSearchP95Ms: uncachedUniqueSearch.latencyMs.p95,
      // No answers at all in the window is no ratio: 0 then, never a flattering 1.
      restVsBare:
        restList.requests > 0 && bareRestList.requests > 0
          ? round(restList.requests / bareRestList.requests, 2)
          : 0,
      adminColumnsP95Ms: adminColumnsList.latencyMs.p95,
      growth: growth.map((step) => ({
        algorithms: step.algorithms,
        seedSeconds: step.seedSeconds,
        listPerSecond: step.list.requestsPerSecond,
        listP95Ms: step.list.latencyMs.p95,
        searchPerSecond: step.search.requestsPerSecond,
        searchP95Ms: step.search.latencyMs.p95,
        serverPeakRssMb: step.serverPeakRssMb,
      })),
      growthServerPeakRssMb: growth.reduce((max, step) => Math.max(max, step.serverPeakRssMb), 0),
      mixed: {
        requestsPerSecond: mixed.requestsPerSecond,
        latencyMs: mixed.latencyMs,
        responses: check.responses,
        freshnessChecks: check.checked,
        errors: check.errors + mixed.errors + mixed.non2xx,
        stale: check.stale,
        unpublished: check.unpublished,
        approvalsCompleted: approvals.completed,
        approvalsFailed: approvals.failed,
        approvalCycleMs: {
          p50: round(percentile(approvalDurations, 50)),
          p95: round(percentile(approvalDurations, 95)),
        },
        examples: check.examples,
      },
    }
    const growthRatio = (pick: (step: (typeof growth)[number]) => number) =>
      at10k && at100k ? round(pick(at100k) / Math.max(0.01, pick(at10k)), 2) : null
    const listGrowth = growthRatio((step) => step.list.latencyMs.p95)
    const searchGrowth = growthRatio((step) => step.search.latencyMs.p95)
    /** A target that this run could not measure is printed as NOT MEASURED, never as MET. */
    const notMeasured = 'not measured' as const
    const targetsMet: Record<string, boolean | typeof notMeasured> = {
      'list ≥ 10× Payload REST': summary.listVsPayloadRest >= 10,
      'list ≥ 0.5× ceiling': summary.listVsCeiling >= 0.5,
      'detail p99 ≤ 10 ms': summary.detailP99Ms <= 10,
      'search p95 ≤ 50 ms': summary.searchP95Ms <= 50,
      'server RSS ≤ 400 MB': summary.serverRssPeakMb <= 400,
      'mixed: zero errors': summary.mixed.errors === 0 && approvals.failed === 0,
      'mixed: zero stale': summary.mixed.stale === 0,
      'mixed: zero unpublished': summary.mixed.unpublished === 0,
      'search with a different query each request (facets) p95 ≤ 50 ms':
        summary.uniqueSearchP95Ms <= 50,
      'uncached search, different queries, p95 ≤ 50 ms': summary.uncachedUniqueSearchP95Ms <= 50,
      [`uncached list ≥ 4× before (${4 * UNCACHED_LIST_BEFORE} req/s)`]:
        summary.uncachedListPerSecond >= 4 * UNCACHED_LIST_BEFORE,
      "Payload REST list ≥ 0.5× the same list without the register's hooks":
        summary.restVsBare >= 0.5,
      'growth 10,000 → 100,000: uncached list p95 ≤ 2×':
        listGrowth === null ? notMeasured : listGrowth <= 2,
      'growth 10,000 → 100,000: uncached search p95 ≤ 2×':
        searchGrowth === null ? notMeasured : searchGrowth <= 2,
      'growth servers RSS ≤ 400 MB':
        growth.length === 0 ? notMeasured : summary.growthServerPeakRssMb <= 400,
      'admin list view shows its rows < 1 s (browser)': notMeasured,
    }

    const lines = [
      '',
      `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.platform}; PostgreSQL ${database.kind}; load generator and servers on the same machine; server NODE_OPTIONS '${env.NODE_OPTIONS}'.`,
      `Load average (1/5/15 min) at start: ${machine.loadAverageAtStart.join(' / ')}, at the end: ${os
        .loadavg()
        .map((value) => round(value, 1))
        .join(' / ')} (other work on the machine skews every number).`,
      `Data: ${counts.published} published algorithms, ${counts.revisions} revisions, ${counts.organisations} organisations.`,
      '',
      '| scenario | connections | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | bytes/resp | main server RSS MB |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...[...results, mixed].map(
        (r) =>
          `| ${r.scenario} | ${r.connections} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.errors + r.non2xx} | ${r.bytesPerResponse} | ${r.mainServerRssMb ?? ''} |`,
      ),
      '',
      `public list / Payload REST: ${summary.listVsPayloadRest}×   public list / ceiling: ${summary.listVsCeiling}×`,
      `server RSS: at start ${summary.serverRssAtStartMb} MB, max sampled ${summary.serverRssMaxMb} MB, peak (VmHWM) ${summary.serverRssPeakMb} MB (after the side-by-side runs: ${round(rssAfterScenarios.rssMb, 0)} MB)`,
      `different-query searches: ${summary.uniqueQueries.sent} sent, ${summary.uniqueQueries.distinct} distinct; uncached list / uncached detail: ${summary.uncachedListVsDetail}×; Payload REST list / same without the register's hooks: ${summary.restVsBare}×`,
      ...(growth.length
        ? [
            '',
            '| descriptions | seed s | uncached list req/s | list p95 ms | uncached search req/s | search p95 ms | server peak RSS MB |',
            '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
            ...summary.growth.map(
              (step) =>
                `| ${step.algorithms} | ${step.seedSeconds} | ${step.listPerSecond} | ${step.listP95Ms} | ${step.searchPerSecond} | ${step.searchP95Ms} | ${step.serverPeakRssMb} |`,
            ),
            `growth 10,000 → 100,000: list p95 ×${listGrowth ?? '-'}, search p95 ×${searchGrowth ?? '-'}`,
            '',
          ]
        : []),
      `mixed: ${summary.mixed.responses} responses, ${summary.mixed.freshnessChecks} freshness checks, errors ${summary.mixed.errors}, stale ${summary.mixed.stale}, unpublished ${summary.mixed.unpublished}, approvals ${summary.mixed.approvalsCompleted} (failed ${summary.mixed.approvalsFailed}, cycle p50 ${summary.mixed.approvalCycleMs.p50} ms)`,
      '',
      ...Object.entries(targetsMet).map(
        ([name, ok]) =>
          `${ok === notMeasured ? 'NOT MEASURED' : ok ? 'MET         ' : 'NOT MET     '}  ${name}`,
      ),
      '',
    ]
    process.stdout.write(lines.join('\n'))

    const resultsDir = path.join(projectDir, 'bench', 'results')
    fs.mkdirSync(resultsDir, { recursive: true })
    const file = path.join(
      resultsDir,
      `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    )
    fs.writeFileSync(
      file,
      `${JSON.stringify(
        {
          machine,
          settings: { ...SETTINGS, serverNodeOptions: env.NODE_OPTIONS },
          rssByScenario,
          database: database.kind,
          counts,
          results,
          mixed,
          summary,
          targetsMet,
          explained,
          seconds: round((Date.now() - started) / 1000, 0),
        },
        null,
        2,
      )}\n`,
    )
    log(`results written to ${path.relative(projectDir, file)}`)
  } finally {
    for (const child of children) await stopChild(child)
    await database.dispose().catch(() => undefined)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${String((error as Error)?.stack ?? error)}\n`)
    process.exit(1)
  })
