import fs from 'node:fs'
import path from 'node:path'

import { buildOpenApiDocument } from './openApiDocument'

/**
 * Writes the public API's OpenAPI document to a file, for the API Design Rules linter in CI:
 * `tsx src/publicApi/writeOpenApiDocument.ts <file>`.
 */
function main(): void {
  const target = process.argv[2]
  if (!target) {
    console.error('Gebruik: tsx src/publicApi/writeOpenApiDocument.ts <bestand>')
    process.exit(2)
  }
  const serverUrl = process.env.SERVER_URL ?? 'https://algoritmeregister.example.org'
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
  fs.writeFileSync(target, `${JSON.stringify(buildOpenApiDocument({ serverUrl }), null, 2)}\n`)
  console.log(`OpenAPI-document geschreven naar ${target}`)
}

main()
