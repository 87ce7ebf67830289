import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm, Organisation, User } from '../../../payload-types'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, createUser, login, TEST_PASSWORD } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { auditEvents, call, lastSequence, newRequestId, verifyChain } from './auditSupport'

let app: TestApp
let organisation: Organisation
const editors: User[] = []
const tokens: string[] = []
const algorithms: Algorithm[] = []

beforeAll(async () => {
  app = await testApp()
  await createUser(app.payload, { name: 'Eerste account' })
  organisation = await createOrganisation(app.payload)
  for (let i = 0; i < 4; i += 1) {
    const editor = await createUser(app.payload, {
      name: `Redacteur ${i}`,
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    editors.push(editor)
    tokens.push(await login(app.url, editor.email))
  }
  for (let i = 0; i < 20; i += 1) {
    algorithms.push(
      await createAlgorithmAs(
        app.payload,
        editors[i % editors.length],
        completeDescription(organisation.id, { name: `Parallel ${i}` }),
      ),
    )
  }
})

afterAll(async () => {
  await closeTestApp()
})

/** The events of these requests, and the sequence numbers they got. */
async function sequencesOf(requestIds: string[]): Promise<number[]> {
  const events = await auditEvents(app.payload, { requestId: { in: requestIds } })
  return events.map((event) => event.sequence).sort((a, b) => a - b)
}

describe('concurrent writers', () => {
  it('links 20 parallel updates into one line without gaps or forks', async () => {
    const before = await lastSequence(app.payload)
    const requestIds = algorithms.map((_, i) => newRequestId(`parallel-${i}`))
    const responses = await Promise.all(
      algorithms.map((algorithm, i) =>
        call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
          token: tokens[i % tokens.length],
          requestId: requestIds[i],
          body: { internal_notes: `Gelijktijdige wijziging ${i}` },
        }),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
    const sequences = await sequencesOf(requestIds)
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i))
    const report = await verifyChain(app.payload)
    expect(report).toMatchObject({ ok: true, lastSequence: before + 20 })
  })

  it('keeps one line when different kinds of requests race (updates, logins, failures, steps)', async () => {
    const before = await lastSequence(app.payload)
    const requestIds: string[] = []
    const work: Array<Promise<{ status: number }>> = []
    for (let i = 0; i < 20; i += 1) {
      const requestId = newRequestId(`mixed-${i}`)
      requestIds.push(requestId)
      const editor = editors[i % editors.length]
      const token = tokens[i % tokens.length]
      const algorithm = algorithms[i]
      switch (i % 4) {
        case 0:
          work.push(
            call(app.url, 'PATCH', `/api/algorithms/${algorithm.id}`, {
              token,
              requestId,
              body: { name: `Parallel ${i} (bijgewerkt)` },
            }),
          )
          break
        case 1:
          work.push(
            call(app.url, 'POST', '/api/users/login', {
              requestId,
              body: { email: editor.email, password: TEST_PASSWORD },
            }),
          )
          break
        case 2:
          work.push(
            call(app.url, 'POST', '/api/users/login', {
              requestId,
              body: { email: `onbekend-${i}@noorderhaaks.example`, password: 'fout' },
            }),
          )
          break
        default:
          work.push(
            call(app.url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
              token,
              requestId,
              body: { action: 'submit', expectedState: 'concept' },
            }),
          )
      }
    }
    const statuses = (await Promise.all(work)).map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(15)
    expect(statuses.filter((s) => s === 401)).toHaveLength(5)
    const sequences = await sequencesOf(requestIds)
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i))
    expect((await verifyChain(app.payload)).ok).toBe(true)
  })
})
