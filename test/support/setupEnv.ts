// Runs before each integration test file: payload.config.ts reads these at import time.
import fs from 'node:fs'
import path from 'node:path'

// Each Jest worker has a database (and data folder) of its own; see globalSetup.ts.
const urls = JSON.parse(process.env.REGISTER_TEST_DATABASE_URLS ?? '[]') as string[]
const worker = Number(process.env.JEST_WORKER_ID ?? '1')
const url = urls[(worker - 1) % urls.length]
if (!url) throw new Error('REGISTER_TEST_DATABASE_URLS is not set (integration globalSetup).')
process.env.REGISTER_TEST_DATABASE_URL = url
process.env.DATABASE_URL = url
process.env.PAYLOAD_SECRET = 'test-secret'
process.env.MAIL_TRANSPORT = 'memory'
process.env.DATA_DIR = path.join(process.env.REGISTER_TEST_DATA_DIR as string, `worker-${worker}`)
fs.mkdirSync(process.env.DATA_DIR, { recursive: true })
process.env.SERVER_URL = 'http://localhost:3000'
// The suite sends many requests and logins from one address: rate limits off, except in the
// edge tests that prove them (they set their own limits before starting a server).
process.env.PUBLIC_RATE_LIMIT = '0'
process.env.LOGIN_RATE_LIMIT = '0'
