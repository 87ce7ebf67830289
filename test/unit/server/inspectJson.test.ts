import { describe, expect, it } from '@jest/globals'

import { edgeSettingsFromEnv } from '../../../host/server/edgeSettings'
import {
  findForbiddenParameter,
  findForbiddenText,
  findTooDeep,
  hasForbiddenCharacter,
  jsonDepth,
} from '../../../host/server/inspectJson'
import { clientAddress } from '../../../host/server/rateLimits'

describe('jsonDepth', () => {
  it('counts nesting of objects and arrays, ignoring brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0)
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3)
    expect(jsonDepth('{"a":"[[[{{{\\"]]]"}')).toBe(1)
  })

  it('scans 1,000,000 levels without recursion and stops at the limit', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000)
    expect(jsonDepth(deep)).toBe(1_000_000)
    expect(jsonDepth(deep, 100)).toBe(101)
  })
})

describe('forbidden characters', () => {
  it.each([
    ['\u0000', true],
    ['\u0008', true],
    ['\u000b', true],
    ['\u001f', true],
    ['\ufffe', true],
    ['\uffff', true],
    ['\ud800', true],
    ['x\udc00', true],
    ['\t\n\r', false],
    ['Éénmalige 😀 € ü', false],
  ])('%j → %s', (text, forbidden) => {
    expect(hasForbiddenCharacter(text)).toBe(forbidden)
  })

  it('names the JSON path of the first bad string or key', () => {
    expect(findForbiddenText({ name: 'ok', links: [{ title: 'ok' }, { title: 'a\u0000' }] })).toBe(
      'links[1].title',
    )
    expect(findForbiddenText({ 'weird key': { 'b\u0000': 1 } })).toBe('"weird key"["b\\u0000"]')
    expect(findForbiddenText({ variables: { q: '\u0007' } })).toBe('variables.q')
    expect(findForbiddenText({ name: 'Afval\tplannen' })).toBeUndefined()
  })

  it('names the query parameter', () => {
    expect(findForbiddenParameter('q=a%00b')).toBe('q')
    expect(findForbiddenParameter('where[name][like]=x&sort=%1B')).toBe('sort')
    expect(findForbiddenParameter('q=wachtlijst%09sport')).toBeUndefined()
  })
})

describe('edgeSettingsFromEnv', () => {
  it('has defaults and refuses nonsense with a message naming the variable', () => {
    expect(edgeSettingsFromEnv({})).toMatchObject({
      maxJsonBodyBytes: 1048576,
      maxMultipartBodyBytes: 2097152,
      maxJsonDepth: 100,
      publicRateLimit: 600,
      loginRateLimit: 10,
      graphqlMaxAliases: 15,
      graphqlMaxDepth: 10,
      graphqlMaxConcurrentFields: 4,
      graphqlTimeoutMs: 10000,
      https: false,
    })
    expect(edgeSettingsFromEnv({ SERVER_URL: 'https://x.example' }).https).toBe(true)
    expect(() => edgeSettingsFromEnv({ MAX_JSON_DEPTH: 'veel' })).toThrow(/MAX_JSON_DEPTH/)
  })
})

describe('clientAddress', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({
      socket: { remoteAddress },
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    }) as unknown as Parameters<typeof clientAddress>[0]

  it('trusts X-Forwarded-For only from a proxy on loopback', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.5'))).toBe('203.0.113.5')
    expect(clientAddress(request('::ffff:127.0.0.1', '198.51.100.1, 203.0.113.5'))).toBe(
      '203.0.113.5',
    )
    expect(clientAddress(request('192.0.2.9', '203.0.113.5'))).toBe('192.0.2.9')
    expect(clientAddress(request('127.0.0.1'))).toBe('127.0.0.1')
  })
})

describe('findTooDeep', () => {
  it('names the path where the nesting first goes too deep', () => {
    const text = `{"name":"x","links":[{"t":1},{"t":${'['.repeat(20)}${']'.repeat(20)}}]}`
    expect(findTooDeep(text, 10)).toEqual({ path: 'links[1].t' })
  })

  it('is undefined within the limit, and ignores brackets inside strings', () => {
    expect(findTooDeep('{"a":"[[[[[[[[[[[[","b":[[1]]}', 3)).toBeUndefined()
  })
})
