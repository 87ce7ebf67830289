/**
 * `npm run test:e2e:pages`: the public pages in a real browser (issue 18's done-when), against a
 * production build of the admin (the theme is set there).
 *
 * Starts the register with demo data on free ports and a fresh DATA_DIR, walks a citizen's path
 * without JavaScript, runs axe-core on every page type, scans every page for a sentinel, checks
 * a withdrawn description's 410 and a theme set in the admin; screenshots go to
 * test-output/e2e-pages/. CHROMIUM_PATH picks the browser (default /usr/bin/chromium).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, type Browser } from 'playwright-core'

import { ensureAdminBuild } from '../../host/cli/adminBuild'
import { projectRoot } from '../../src/projectRoot'
import { freshDataDir, startRegisterProcess, type RegisterProcess } from '../registerProcess'
import { runPublicPagesJourney } from './publicPagesJourney'

const outputDir = path.join(projectRoot, 'test-output', 'e2e-pages')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const started = Date.now()

function log(line: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6)
  console.log(`[${seconds} s] ${line}`)
}

async function main(): Promise<number> {
  if (!fs.existsSync(executablePath)) {
    console.error(`Chromium niet gevonden op ${executablePath}. Zet CHROMIUM_PATH.`)
    return 2
  }
  fs.rmSync(outputDir, { recursive: true, force: true })
  fs.mkdirSync(outputDir, { recursive: true })
  const build = await ensureAdminBuild(projectRoot, { log })
  log(build.built ? `beheeromgeving gebouwd in ${build.seconds} s` : 'beheeromgeving is al actueel')
  const dataDir = freshDataDir(path.join(os.tmpdir(), 'algoritmeregister-e2e-pages'))
  let register: RegisterProcess | undefined
  let browser: Browser | undefined
  let failed = false
  try {
    register = await startRegisterProcess({
      projectDir: projectRoot,
      dataDir,
      logFile: path.join(outputDir, 'server.log'),
    })
    log(`register draait op ${register.url}`)
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    })
    const shots = await runPublicPagesJourney({ browser, baseUrl: register.url, outputDir, log })
    log(`geslaagd: ${shots.length} schermafdrukken in ${path.relative(projectRoot, outputDir)}`)
  } catch (error) {
    failed = true
    console.error(
      `\nDe test van de publieke pagina's is mislukt: ${error instanceof Error ? error.stack : String(error)}`,
    )
    let index = 0
    for (const context of browser?.contexts() ?? []) {
      for (const page of context.pages()) {
        index += 1
        await page
          .screenshot({ path: path.join(outputDir, `failure-${index}.png`), fullPage: true })
          .catch(() => undefined)
      }
    }
  } finally {
    await browser?.close().catch(() => undefined)
    await register?.stop()
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
