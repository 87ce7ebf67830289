import type { IncomingMessage, ServerResponse } from 'node:http'

/** Text in Dutch and English. */
export interface EdgeText {
  nl: string
  en: string
}

/** A request the edge refuses before any handler sees it. */
export interface EdgeProblem {
  status: number
  title: EdgeText
  detail: EdgeText
  /** The field (JSON path) or query parameter that is wrong, when there is one. */
  field?: string
  headers?: Record<string, string>
  /** Close the connection after answering: the rest of the body is not going to be read. */
  close?: boolean
}

/** English when the client prefers it, otherwise Dutch (the register's language). */
export function preferredLanguage(req: IncomingMessage): 'nl' | 'en' {
  const header = req.headers['accept-language']
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase()
  return first?.startsWith('en') ? 'en' : 'nl'
}

/**
 * Answers with an RFC 9457 problem (application/problem+json). The body also carries Payload's
 * own error shape (`errors: [{ message }]`), so the admin shows the message like any other.
 */
export function sendEdgeProblem(
  req: IncomingMessage,
  res: ServerResponse,
  problem: EdgeProblem,
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const language = preferredLanguage(req)
  const detail = problem.detail[language]
  const body = JSON.stringify({
    type: 'about:blank',
    status: problem.status,
    title: problem.title[language],
    detail,
    ...(problem.field
      ? { invalidParams: [{ name: problem.field, reason: problem.detail.en }] }
      : {}),
    errors: [{ message: detail, ...(problem.field ? { path: problem.field } : {}) }],
  })
  res.statusCode = problem.status
  res.setHeader('content-type', 'application/problem+json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.setHeader('cache-control', 'no-store')
  for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value)
  if (problem.close) res.setHeader('connection', 'close')
  res.end(body)
}
