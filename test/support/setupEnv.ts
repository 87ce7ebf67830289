// Runs before each integration test file: payload.config.ts reads these at import time.
process.env.DATABASE_URL = process.env.REGISTER_TEST_DATABASE_URL
process.env.PAYLOAD_SECRET = 'test-secret'
process.env.MAIL_TRANSPORT = 'memory'
process.env.DATA_DIR = process.env.REGISTER_TEST_DATA_DIR
process.env.SERVER_URL = 'http://localhost:3000'
