import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm } from '../../../payload-types'
import { publicApiRouterOf } from '../../../src/publicApi/createPublicApiRouter'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import type { WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, getPublic, publish, republish } from './publicApiFixtures'

let app: TestApp
let team: WorkflowTeam
let algorithm: Algorithm

beforeAll(async () => {
  app = await testApp()
  team = await createTeam(app.payload, app.url)
  algorithm = await publish(app.payload, app.url, team, { name: 'Wachtlijst sporthal' })
})

afterAll(async () => {
  await closeTestApp()
})

describe('HTTP behaviour of the public API', () => {
  it('sends a strong ETag and answers If-None-Match with 304 without a body', async () => {
    const first = await getPublic(app.url, `/algorithms/${algorithm.lars}`)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=5')
    const again = await getPublic(app.url, `/algorithms/${algorithm.lars}`)
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.text).toBe(first.text)

    const revalidated = await getPublic(app.url, `/algorithms/${algorithm.lars}`, {
      headers: { 'If-None-Match': String(etag) },
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.text).toBe('')
    expect(revalidated.headers.get('etag')).toBe(etag)
    expect(revalidated.headers.get('api-version')).toBe('1.0.0')

    const listed = await getPublic(app.url, '/algorithms', {
      headers: { 'If-None-Match': `"other", W/${String(etag)}` },
    })
    expect(listed.status).toBe(200)
    const weakList = await getPublic(app.url, '/algorithms', {
      headers: { 'If-None-Match': `"other", W/${String(listed.headers.get('etag'))}` },
    })
    expect(weakList.status).toBe(304)

    // After a change the old tag no longer matches: the client gets the new content.
    await republish(
      app.url,
      team,
      algorithm.id,
      { website: 'https://sport.example' },
      'Website toegevoegd.',
    )
    const changed = await getPublic<{ website: string }>(app.url, `/algorithms/${algorithm.lars}`, {
      headers: { 'If-None-Match': String(etag) },
    })
    expect(changed.status).toBe(200)
    expect(changed.body.website).toBe('https://sport.example')
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('allows GET from any origin and answers CORS preflights', async () => {
    const answer = await getPublic(app.url, '/algorithms', {
      headers: { Origin: 'https://frontend.example' },
    })
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.headers.get('access-control-expose-headers')).toContain('ETag')
    const preflight = await getPublic(app.url, '/algorithms', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://frontend.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'if-none-match',
    )
    const problem = await getPublic(app.url, '/algorithms/00000000', {
      headers: { Origin: 'https://frontend.example' },
    })
    expect(problem.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('sends API-Version on every answer, errors included', async () => {
    for (const path of [
      '/algorithms',
      `/algorithms/${algorithm.lars}`,
      '/algorithms/00000000',
      '/algorithms?pageSize=500',
      '/onbekend',
      '/openapi.json',
      '/feed',
    ]) {
      const answer = await getPublic(app.url, path)
      expect(answer.headers.get('api-version')).toBe('1.0.0')
    }
  })

  it('answers errors as problem+json with status, title and detail, never a stack trace', async () => {
    const cases: Array<[string, number]> = [
      ['/algorithms?pageSize=500', 400],
      ['/algorithms/00000000', 404],
      ['/bestaat-niet', 404],
      ['/algorithms/', 404],
      [`/algorithms/${algorithm.lars}/`, 404],
      ['/algorithms/%E0%A4%A', 400],
    ]
    for (const [path, status] of cases) {
      const answer = await getPublic<Record<string, unknown>>(app.url, path)
      expect(answer.status).toBe(status)
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(answer.body).toMatchObject({ status })
      expect(typeof answer.body.title).toBe('string')
      expect(typeof answer.body.detail).toBe('string')
      expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+/)
      expect(answer.text).not.toMatch(/Error:/)
    }
    const posted = await getPublic<Record<string, unknown>>(app.url, '/algorithms', {
      method: 'POST',
    })
    expect(posted.status).toBe(405)
    expect(posted.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(posted.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('has no trailing slashes: such a path is a 404 that names the right path', async () => {
    const answer = await getPublic<{ detail: string }>(app.url, '/algorithms/')
    expect(answer.status).toBe(404)
    expect(answer.body.detail).toContain('/register/v1/algorithms.')
    const list = await getPublic(app.url, '/algorithms')
    expect(list.status).toBe(200)
  })

  it('answers in English when the client prefers it', async () => {
    const answer = await getPublic<{ title: string; detail: string }>(
      app.url,
      '/algorithms?pageSize=500',
      { headers: { 'Accept-Language': 'en-GB,en;q=0.9,nl;q=0.5' } },
    )
    expect(answer.body.title).toBe('Bad request')
    expect(answer.body.detail).toContain("Parameter 'pageSize' is not valid")
    const dutch = await getPublic<{ title: string }>(app.url, '/algorithms/00000000', {
      headers: { 'Accept-Language': 'nl-NL,en;q=0.5' },
    })
    expect(dutch.body.title).toBe('Niet gevonden')
    const english = await getPublic<{ title: string }>(app.url, '/algorithms/00000000', {
      headers: { 'Accept-Language': 'en' },
    })
    expect(english.body.title).toBe('Not found')
    expect(english.headers.get('vary')).toContain('Accept-Language')
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await getPublic(app.url, `/algorithms/${algorithm.lars}`)
    const head = await getPublic(app.url, `/algorithms/${algorithm.lars}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.text)))
  })

  it('serves cache hits from the fast path in front of Express, never after a change', async () => {
    const router = publicApiRouterOf(app.payload)
    expect(router).toBeDefined()
    // A bare HTTP server with only the fast path: a miss answers 599 so the test can see it.
    const bare = http.createServer((req, res) => {
      if (router?.serveCached(req, res)) return
      res.statusCode = 599
      res.end()
    })
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', () => resolve()))
    const fastUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`
    try {
      const path = `/algorithms/${algorithm.lars}/history`
      expect((await getPublic(fastUrl, path)).status).toBe(599)
      const viaExpress = await getPublic<{ revisionCount: number }>(app.url, path)
      const viaFastPath = await getPublic(fastUrl, path)
      expect(viaFastPath.status).toBe(200)
      expect(viaFastPath.text).toBe(viaExpress.text)
      expect(viaFastPath.headers.get('etag')).toBe(viaExpress.headers.get('etag'))
      expect(viaFastPath.headers.get('api-version')).toBe('1.0.0')
      expect(viaFastPath.headers.get('access-control-allow-origin')).toBe('*')
      const notModified = await getPublic(fastUrl, path, {
        headers: { 'If-None-Match': String(viaExpress.headers.get('etag')) },
      })
      expect(notModified.status).toBe(304)
      expect((await getPublic(fastUrl, path, { method: 'POST' })).status).toBe(599)

      await republish(app.url, team, algorithm.id, { url: 'https://sport.example/info' }, 'Link.')
      expect((await getPublic(fastUrl, path)).status).toBe(599)
      // The change is also announced over NOTIFY, which clears the cache once more a moment
      // later; until the fresh answer is stored again the fast path passes requests on.
      let fastFresh = await getPublic<{ revisionCount: number }>(fastUrl, path)
      for (let attempt = 0; attempt < 50 && fastFresh.status !== 200; attempt += 1) {
        const fresh = await getPublic<{ revisionCount: number }>(app.url, path)
        expect(fresh.body.revisionCount).toBe(viaExpress.body.revisionCount + 1)
        await new Promise((resolve) => setTimeout(resolve, 20))
        fastFresh = await getPublic<{ revisionCount: number }>(fastUrl, path)
      }
      expect(fastFresh.status).toBe(200)
      expect(fastFresh.body.revisionCount).toBe(viaExpress.body.revisionCount + 1)
    } finally {
      await new Promise((resolve) => bare.close(resolve))
    }
  })
})
