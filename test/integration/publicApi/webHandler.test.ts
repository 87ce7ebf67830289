import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm } from '../../../payload-types'
import {
  createPublicApiHandler,
  type PublicApiHandler,
} from '../../../src/publicApi/publicApiHandler'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import type { WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, getPublic, publish } from './publicApiFixtures'

let app: TestApp
let team: WorkflowTeam
let algorithm: Algorithm
let handler: PublicApiHandler

beforeAll(async () => {
  app = await testApp()
  team = await createTeam(app.payload, app.url)
  algorithm = await publish(app.payload, app.url, team, { name: 'Parkeervergunning toewijzen' })
  // As a host's route file mounts it; listen: false keeps this test's connections to one pool.
  handler = createPublicApiHandler({ payload: app.payload, listen: false })
})

afterAll(async () => {
  await handler.close()
  await closeTestApp()
})

function request(path: string, init: RequestInit = {}): Promise<Response> {
  return handler(new Request(`https://host.example/register/v1${path}`, init))
}

describe('the public API as a Web-standard handler (Request → Response)', () => {
  it('answers an algorithm exactly as the bundled server does', async () => {
    const viaHandler = await request(`/algorithms/${algorithm.lars}`)
    const viaServer = await getPublic(app.url, `/algorithms/${algorithm.lars}`)
    expect(viaHandler.status).toBe(200)
    const body = await viaHandler.text()
    expect(body).toBe(viaServer.text)
    expect(JSON.parse(body).name).toBe('Parkeervergunning toewijzen')
    expect(viaHandler.headers.get('etag')).toBe(viaServer.headers.get('etag'))
    expect(viaHandler.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(viaHandler.headers.get('api-version')).toBe('1.0.0')
    expect(viaHandler.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers If-None-Match with 304 and no body', async () => {
    const first = await request(`/algorithms/${algorithm.lars}`)
    const etag = String(first.headers.get('etag'))
    const again = await request(`/algorithms/${algorithm.lars}`, {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('lists published algorithms with the query of the bundled server', async () => {
    // Other test files publish into the same database: look at this team's organisation only.
    const list = await request(`/algorithms?organisation=${team.organisation.code}&pageSize=5`)
    expect(list.status).toBe(200)
    const body = (await list.json()) as { results: Array<{ lars: string }> }
    expect(body.results.map((r) => r.lars)).toContain(algorithm.lars)
  })

  it('refuses unknown paths and writes with problem+json, in English when asked', async () => {
    const missing = await request('/nothing-here', { headers: { 'Accept-Language': 'en' } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
    expect(((await missing.json()) as { detail: string }).detail).toMatch(/There is no resource/)
    const write = await request('/algorithms', { method: 'POST' })
    expect(write.status).toBe(405)
    expect(write.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })

  it('answers CORS preflight and HEAD without a body', async () => {
    const preflight = await request('/algorithms', { method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    const head = await request(`/algorithms/${algorithm.lars}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
