/**
 * The ceiling: a bare node:http server that answers every request with a precomputed copy of
 * the public list response (same body and headers). Nothing can serve that page faster on this
 * machine with Node. Reads `{ headers, body }` (body in base64) from the file in argv[2].
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

const { headers, body } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as {
  headers: Record<string, string>
  body: string
}
const bytes = Buffer.from(body, 'base64')
const server = http.createServer((_req, res) => {
  res.writeHead(200, { ...headers, 'Content-Length': bytes.length })
  res.end(bytes)
})
server.keepAliveTimeout = 5000
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
