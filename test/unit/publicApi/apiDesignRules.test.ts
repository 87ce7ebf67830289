/**
 * The public API's OpenAPI document passes the government API Design Rules linter (Spectral with
 * the ruleset of developer.overheid.nl) with zero findings, and the linter really runs with that
 * ruleset: a document that breaks two rules is caught.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, describe, expect, it } from '@jest/globals'

import { buildOpenApiDocument } from '../../../src/publicApi/openApiDocument'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../../..')
const ruleset = path.join(root, 'src/publicApi/lint/apiDesignRules.spectral.yaml')
const spectral = path.join(root, 'node_modules/.bin/spectral')
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'register-adr-'))

interface Finding {
  code: string
  severity: number
  path: string[]
}

async function lint(document: Record<string, unknown>): Promise<Finding[]> {
  const file = path.join(folder, `openapi-${Math.random().toString(36).slice(2)}.json`)
  fs.writeFileSync(file, JSON.stringify(document))
  // Spectral exits non-zero when it finds errors; its JSON report is on stdout either way.
  const result = await run(spectral, ['lint', '-r', ruleset, '-f', 'json', '-F', 'hint', file], {
    cwd: root,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
  const json = result.stdout.slice(result.stdout.indexOf('['), result.stdout.lastIndexOf(']') + 1)
  return JSON.parse(json) as Finding[]
}

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

describe('API Design Rules linter', () => {
  it('finds nothing in the OpenAPI document of /register/v1', async () => {
    const findings = await lint(buildOpenApiDocument({ serverUrl: 'https://register.example' }))
    expect(findings).toEqual([])
  }, 60_000)

  it('catches a trailing slash and a missing API-Version header', async () => {
    const document = buildOpenApiDocument({ serverUrl: 'https://register.example' })
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>
    const [first] = Object.keys(paths)
    paths[`${first}/`] = paths[first]
    delete paths[first]
    const [, second] = Object.keys(paths)
    const ok = paths[second].get.responses as Record<string, Record<string, unknown>>
    delete ok['200'].headers
    const findings = await lint(document)
    const codes = new Set(findings.filter((finding) => finding.severity === 0).map((f) => f.code))
    expect(codes).toContain('path-keys-no-trailing-slash')
    expect(codes.has('nlgov:missing-header') || codes.has('nlgov:missing-version-header')).toBe(
      true,
    )
  }, 60_000)
})
