import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { projectDir } from './spawnRegister'

/** A register process (test/support/publicApiServer.ts) serving the APIs of one database. */
export interface PublicApiProcess {
  child: ChildProcess
  url: string
  stop: () => Promise<void>
}

/** Starts Payload and the Express server (without the admin) on `databaseUrl`, on a free port. */
export function startPublicApiServer(databaseUrl: string): Promise<PublicApiProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(projectDir, 'scripts/run.mjs'),
        path.join(projectDir, 'test/support/publicApiServer.ts'),
      ],
      {
        cwd: projectDir,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DATABASE_URL: databaseUrl,
          PAYLOAD_SECRET: 'test-secret',
          MAIL_TRANSPORT: 'memory',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    let output = ''
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`the API server did not start:\n${output}`))
    }, 90_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /LISTENING (\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: `http://127.0.0.1:${match[1]}`, stop })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the API server exited with ${code}:\n${output}`))
    })
  })
}
