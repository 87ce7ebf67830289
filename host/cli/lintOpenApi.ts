/**
 * `npm run lint:api`: lints the public API's OpenAPI document against the Dutch government's
 * API Design Rules (the Spectral ruleset of developer.overheid.nl, kept in
 * src/publicApi/lint/apiDesignRules.spectral.yaml so the check needs no network).
 *
 * The document is built by the same function that serves /register/v1/openapi.json and written
 * to test-output/openapi.json first. Exit code 0: no errors. Otherwise Spectral's own code.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { cliLogger } from '../../src/logging/registerLogger'
import { projectRoot } from '../../src/projectRoot'
import { buildOpenApiDocument } from '../../src/publicApi/openApiDocument'

const RULESET = path.join(projectRoot, 'src/publicApi/lint/apiDesignRules.spectral.yaml')

function main(): number {
  const serverUrl = process.env.SERVER_URL ?? 'https://algoritmeregister.example'
  const outFile = path.join(projectRoot, 'test-output', 'openapi.json')
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, `${JSON.stringify(buildOpenApiDocument({ serverUrl }), null, 2)}\n`)
  cliLogger.info(`OpenAPI-document geschreven naar ${path.relative(projectRoot, outFile)}`)

  const spectral = path.join(projectRoot, 'node_modules', '.bin', 'spectral')
  const result = spawnSync(
    spectral,
    ['lint', '--ruleset', RULESET, '--fail-severity', 'error', outFile],
    { stdio: 'inherit', cwd: projectRoot },
  )
  if (result.error) {
    cliLogger.error(`Spectral kon niet starten: ${result.error.message}`)
    return 2
  }
  return result.status ?? 1
}

process.exitCode = main()
