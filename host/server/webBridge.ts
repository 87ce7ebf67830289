import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

/** Bodies the edge has already read (and checked), to hand on instead of the spent stream. */
const bufferedBodies = new WeakMap<ExpressRequest, Buffer>()

/** Hands `body` to Payload instead of the request stream, which the edge has read already. */
export function useBufferedBody(req: ExpressRequest, body: Buffer): void {
  bufferedBodies.set(req, body)
}

/** Express request → Fetch API Request, streaming the body (Payload's handlers speak Fetch). */
export function toWebRequest(req: ExpressRequest): Request {
  const host = req.headers.host ?? 'localhost'
  const url = `${req.protocol}://${host}${req.originalUrl}`
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody
      ? (bufferedBodies.get(req) ?? (Readable.toWeb(req) as unknown as ReadableStream))
      : undefined,
    duplex: 'half',
  } as RequestInit)
}

/** Fetch API Response → Express response, keeping multiple Set-Cookie headers apart. */
export async function sendWebResponse(res: ExpressResponse, response: Response): Promise<void> {
  // Already answered (a 503 from the database gate while this request hung): drop the late one.
  if (res.headersSent) {
    await response.body?.cancel().catch(() => undefined)
    return
  }
  res.status(response.status)
  response.headers.forEach((value, key) => {
    if (key.toLowerCase() !== 'set-cookie') res.setHeader(key, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    const body = Readable.fromWeb(response.body as unknown as NodeReadableStream)
    body.on('error', reject)
    res.on('finish', resolve)
    res.on('close', resolve)
    body.pipe(res)
  })
}
