import type { Response } from 'express'

/** Sends an RFC 9457 problem, the error format the Dutch API Design Rules prescribe. */
export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', status, title, detail, ...extra }))
}
