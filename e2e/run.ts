/**
 * `npm run test:e2e`: the editor and reviewer journey in a real browser, against a production
 * build of the admin.
 *
 * Builds the admin when it is missing or stale, starts the register (`host/cli/start.ts`) on free
 * ports with a fresh DATA_DIR and its embedded database, drives Chromium through the journey
 * with Playwright, saves a screenshot per step in test-output/e2e/, stops the register and exits
 * non-zero when anything failed.
 *
 * CHROMIUM_PATH picks the browser (default /usr/bin/chromium, Debian's package); Playwright
 * never downloads one. E2E_PUBLIC_API_WAIT_MS sets how long to wait for the public API.
 */
import { projectRoot } from '../src/projectRoot'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, type Browser } from 'playwright-core'

import { ensureAdminBuild } from '../host/cli/adminBuild'
import { runJourney } from './journey'
import { freshDataDir, startRegisterProcess, type RegisterProcess } from './registerProcess'

const projectDir = projectRoot
const outputDir = path.join(projectDir, 'test-output', 'e2e')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const started = Date.now()

function log(line: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6)
  console.log(`[${seconds} s] ${line}`)
}

async function main(): Promise<number> {
  if (!fs.existsSync(executablePath)) {
    console.error(
      `Chromium niet gevonden op ${executablePath}. Installeer het met 'apt-get install -y chromium' ` +
        'of zet CHROMIUM_PATH.',
    )
    return 2
  }
  fs.rmSync(outputDir, { recursive: true, force: true })
  fs.mkdirSync(outputDir, { recursive: true })

  const build = await ensureAdminBuild(projectDir, { log })
  log(build.built ? `beheeromgeving gebouwd in ${build.seconds} s` : 'beheeromgeving is al actueel')

  const dataDir = freshDataDir(path.join(os.tmpdir(), 'algoritmeregister-e2e'))
  let register: RegisterProcess | undefined
  let browser: Browser | undefined
  let failed = false
  try {
    log('register starten')
    register = await startRegisterProcess({
      projectDir,
      dataDir,
      logFile: path.join(outputDir, 'server.log'),
    })
    log(`register draait op ${register.url}`)
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    })
    const screenshots = await runJourney({
      browser,
      baseUrl: register.url,
      outputDir,
      log,
      publicApiWaitMs: Number(process.env.E2E_PUBLIC_API_WAIT_MS ?? 15_000),
    })
    log(
      `geslaagd: ${screenshots.length} schermafdrukken in ${path.relative(projectDir, outputDir)}`,
    )
  } catch (error) {
    failed = true
    console.error(
      `\nDe browsertest is mislukt: ${error instanceof Error ? error.stack : String(error)}`,
    )
    if (browser) {
      // Whatever each open page showed when it failed helps more than the stack trace.
      let index = 0
      for (const context of browser.contexts()) {
        for (const page of context.pages()) {
          index += 1
          const file = path.join(outputDir, `failure-${index}.png`)
          await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
          console.error(
            `  schermafdruk bij de fout: ${path.relative(projectDir, file)} (${page.url()})`,
          )
        }
      }
    }
    const serverLog = path.join(outputDir, 'server.log')
    console.error(`  serverlog: ${path.relative(projectDir, serverLog)}; de laatste regels:`)
    if (fs.existsSync(serverLog)) {
      const lines = fs.readFileSync(serverLog, 'utf8').trimEnd().split('\n').slice(-25)
      console.error(lines.map((line) => `    ${line}`).join('\n'))
    }
  } finally {
    await browser?.close().catch(() => undefined)
    if (register) {
      log('register stoppen')
      await register.stop()
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  log(`klaar in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return failed ? 1 : 0
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
