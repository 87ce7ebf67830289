import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { PUBLIC_API_PATHS, PUBLIC_API_VERSION } from '../../../src/publicApi/createPublicApiRouter'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { getPublic } from './publicApiFixtures'

type Node = Record<string, unknown>

let app: TestApp
let doc: Node

/** Follows local $refs (`#/components/...`). */
function resolve(value: unknown): Node {
  let node = value as Node
  while (node && typeof node.$ref === 'string') {
    node = (node.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Node>((current, key) => current[key] as Node, doc)
  }
  return node
}

function operations(): Array<[string, string, Node]> {
  const result: Array<[string, string, Node]> = []
  for (const [path, item] of Object.entries(doc.paths as Node)) {
    for (const [method, operation] of Object.entries(item as Node)) {
      result.push([path, method, operation as Node])
    }
  }
  return result
}

beforeAll(async () => {
  app = await testApp()
  const answer = await getPublic<Node>(app.url, '/openapi.json')
  expect(answer.status).toBe(200)
  doc = answer.body
})

afterAll(async () => {
  await closeTestApp()
})

describe('GET /register/v1/openapi.json', () => {
  it('is OpenAPI 3 with contact details, a semver version equal to API-Version and /v1 servers', async () => {
    const answer = await getPublic(app.url, '/openapi.json')
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
    const info = doc.info as { version: string; contact: Record<string, string> }
    expect(info.version).toBe(PUBLIC_API_VERSION)
    expect(answer.headers.get('api-version')).toBe(info.version)
    expect(info.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(Object.keys(info.contact).sort()).toEqual(['email', 'name', 'url'])
    const servers = doc.servers as Array<{ url: string }>
    expect(servers[0].url).toMatch(/\/register\/v1$/)
  })

  it('documents exactly the paths the router answers, without trailing slashes, in kebab-case', () => {
    expect(Object.keys(doc.paths as Node).sort()).toEqual([...PUBLIC_API_PATHS].sort())
    for (const path of Object.keys(doc.paths as Node)) {
      expect(path).not.toMatch(/\/$/)
      for (const segment of path.split('/').slice(1)) {
        expect(segment).toMatch(/^([a-z0-9-]+(\.[a-z]+)?|\{[a-zA-Z]+\})$/)
      }
    }
  })

  it('uses camelCase query keys and documents every parameter with a schema', () => {
    for (const [, , operation] of operations()) {
      for (const parameter of (operation.parameters as unknown[]) ?? []) {
        const resolved = resolve(parameter)
        expect(resolved.schema).toBeDefined()
        if (resolved.in === 'query') {
          expect(resolved.name).toMatch(/^[a-z][a-z\d]*([A-Z][a-z\d]*)*$/)
        }
      }
    }
  })

  it('sends API-Version on every success and problem+json with status, title and detail on every error', () => {
    for (const [path, method, operation] of operations()) {
      const responses = operation.responses as Node
      expect(Object.keys(responses)).toEqual(expect.arrayContaining(['200', '304', '400']))
      for (const [status, value] of Object.entries(responses)) {
        const response = resolve(value)
        if (/^[23]/.test(status)) {
          expect([path, method, status, Object.keys((response.headers as Node) ?? {})]).toEqual([
            path,
            method,
            status,
            expect.arrayContaining(['API-Version']),
          ])
        } else {
          const content = response.content as Node
          expect(Object.keys(content)).toEqual(['application/problem+json'])
          const schema = resolve((content['application/problem+json'] as Node).schema)
          expect(Object.keys(schema.properties as Node)).toEqual(
            expect.arrayContaining(['status', 'title', 'detail']),
          )
        }
      }
    }
  })

  it('describes every schema it refers to', () => {
    const text = JSON.stringify(doc)
    for (const match of text.matchAll(/"#\/components\/(\w+)\/(\w+)"/g)) {
      expect(((doc.components as Node)[match[1]] as Node)[match[2]]).toBeDefined()
    }
  })
})
