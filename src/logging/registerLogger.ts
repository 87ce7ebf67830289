/**
 * The register's one logger: pino (Payload's own logger library) with pino-pretty's readable
 * lines, coloured only on a terminal. Payload's default logger colours always, so log files and
 * CI logs got escape codes; payload.config.ts hands Payload this logger instead, and the CLIs use
 * it for diagnostics where no Payload is loaded.
 */

import { pino, type Logger } from 'pino'
import { build as prettyStream } from 'pino-pretty'

/** Where log lines go: 1 = stdout (the server, like Payload), 2 = stderr (CLIs, next to data). */
export type LogDestination = 1 | 2

/**
 * A logger writing readable lines (`[16:07:12] INFO: …`) to `destination`, synchronously so a CLI
 * that calls process.exit loses nothing. Colours only when that stream is a terminal.
 * `DISABLE_LOGGING=true` silences it, as it does Payload's own logger.
 */
export function createRegisterLogger(destination: LogDestination = 1): Logger {
  const stream = destination === 1 ? process.stdout : process.stderr
  return pino(
    { enabled: process.env.DISABLE_LOGGING !== 'true' },
    prettyStream({
      colorize: stream.isTTY === true,
      ignore: 'pid,hostname',
      translateTime: 'SYS:HH:MM:ss',
      destination,
      sync: true,
    }),
  )
}

/** Payload's logger (stdout), for payload.config.ts. */
export const payloadLogger = createRegisterLogger(1)

/** Diagnostics of the command-line tools (stderr: stdout carries their results). */
export const cliLogger = createRegisterLogger(2)
