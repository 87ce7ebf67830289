import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload, Where } from 'payload'

import type { AuditEvent } from '../../../payload-types'
import type { ChainReport } from '../../../src/audit/verifyAuditChain'
import { verifyAuditChainInDatabase } from '../../../src/audit/verifyAuditChainInDatabase'
import { poolOf } from '../../../src/database/runSql'

/** A request id no other test uses. */
export function newRequestId(label: string): string {
  return `audit-${label}-${randomBytes(6).toString('hex')}`
}

export interface Reply<T = Record<string, unknown>> {
  status: number
  body: T
  text: string
  headers: Headers
}

/** A REST call like the fixtures' `rest`, but with an x-request-id of the caller's choice. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; requestId?: string; language?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {}
  if (options.token) headers.authorization = `JWT ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.requestId) headers['x-request-id'] = options.requestId
  if (options.language) headers['accept-language'] = options.language
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch (_error) {
    body = text
  }
  return { status: response.status, body: body as T, text, headers: response.headers }
}

/** Audit events matching `where`, oldest first, read past access control. */
export async function auditEvents(payload: Payload, where: Where): Promise<AuditEvent[]> {
  const result = await payload.find({
    collection: 'audit-events',
    where,
    sort: 'sequence',
    limit: 500,
    depth: 0,
    overrideAccess: true,
  })
  return result.docs
}

/** The events written for one request id. */
export function eventsOfRequest(payload: Payload, requestId: string): Promise<AuditEvent[]> {
  return auditEvents(payload, { requestId: { equals: requestId } })
}

/** The newest sequence number in the chain (0 when empty). */
export async function lastSequence(payload: Payload): Promise<number> {
  const result = await poolOf(payload).query(
    'SELECT coalesce(max(sequence), 0) AS last FROM audit_events',
  )
  return Number((result.rows[0] as { last: string }).last)
}

/** Verifies the whole chain in the test database with the in-process verifier. */
export function verifyChain(payload: Payload): Promise<ChainReport> {
  return verifyAuditChainInDatabase(
    poolOf(payload) as unknown as Parameters<typeof verifyAuditChainInDatabase>[0],
  )
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/**
 * Runs one of the register's CLIs as an operator would (`node scripts/run.mjs host/cli/...`),
 * against the database in `env`, and returns its exit code and output. Each run gets a minute.
 */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(projectDir, 'scripts/run.mjs'), path.join(projectDir, script), ...args],
      {
        cwd: projectDir,
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: unknown }) | null
        resolve({ code: failure ? Number(failure.code ?? 1) : 0, stdout, stderr })
      },
    )
  })
}
