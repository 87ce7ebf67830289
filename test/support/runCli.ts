import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectDir } from './spawnRegister'

/** What a finished command-line tool printed. */
export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Variables of the Jest run that would point a tool at the test's own database or folder. */
const TEST_VARIABLES = ['DATABASE_URL', 'DATA_DIR', 'NODE_OPTIONS', 'PAYLOAD_SECRET', 'NODE_ENV']

/**
 * Runs `host/cli/<name>.ts` as `npm run <name>` does (through scripts/run.mjs), with only the
 * variables given on top of a clean environment.
 */
export function runCli(
  name: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env }
  for (const variable of TEST_VARIABLES) delete childEnv[variable]
  for (const variable of Object.keys(childEnv)) {
    if (variable.startsWith('REGISTER_TEST_') || variable.startsWith('PG'))
      delete childEnv[variable]
  }
  Object.assign(childEnv, env)
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(projectDir, 'scripts/run.mjs'),
        path.join(projectDir, `host/cli/${name}.ts`),
        ...args,
      ],
      { cwd: projectDir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
