import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { resetNationalClient } from '../../../src/national/nationalClient'
import { setNationalSettings } from '../../../src/national/nationalSettings'
import {
  startFakeNationalRegister,
  type FakeNationalRegister,
} from '../../support/fakeNationalRegister'
import { connectOrganisation, deliveryOf, runNationalQueue } from '../../support/nationalHelpers'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createWorkflowTeam, publishedAlgorithm } from '../../support/workflowHelpers'

// The register allows about 25 requests a minute per client; here a "minute" lasts 2 s so the
// test stays short. The connector is set to 20 per window, as it is by default per minute.
const WINDOW_MS = 2000
const FAKE_LIMIT = 25

let app: TestApp
let fake: FakeNationalRegister
let restoreSettings: () => void

beforeAll(async () => {
  app = await testApp()
  fake = await startFakeNationalRegister({ limit: FAKE_LIMIT, windowMs: WINDOW_MS })
  restoreSettings = setNationalSettings({
    apiUrl: fake.url,
    tokenUrl: fake.tokenUrl,
    retryBaseMs: 20,
    retryMaxMs: 500,
    timeoutMs: 5000,
    requestsPerWindow: 20,
    windowMs: WINDOW_MS,
  })
  resetNationalClient()
})

afterAll(async () => {
  restoreSettings()
  await fake.close()
  await closeTestApp()
})

describe('many approvals at once', () => {
  it('50 approvals across 5 organisations are all delivered under the rate limit', async () => {
    // Five organisations approve at the same time, ten descriptions each.
    const perOrganisation = await Promise.all(
      [0, 1, 2, 3, 4].map(async (organisation) => {
        const team = await createWorkflowTeam(app.payload, app.url)
        const { account } = await connectOrganisation(app.payload, fake, team.organisation)
        const made: number[] = []
        for (let n = 0; n < 10; n += 1) {
          const algorithm = await publishedAlgorithm(app.payload, app.url, team, {
            name: `Snelheidsgrens ${organisation}-${n}`,
          })
          made.push(algorithm.id)
        }
        return { client: account.clientId, ids: made }
      }),
    )
    const ids = perOrganisation.flatMap((entry) => entry.ids)
    const clients = perOrganisation.map((entry) => entry.client)
    await runNationalQueue(app.payload, ids, 2000)

    const rows = await Promise.all(ids.map((id) => deliveryOf(app.payload, id)))
    expect(rows.map((row) => row?.status)).toEqual(ids.map(() => 'vrijgegeven'))
    expect(fake.rateLimited).toBe(0)
    for (const client of clients) {
      expect(fake.maxPerWindow(client)).toBeLessThanOrEqual(FAKE_LIMIT)
    }
    const creates = fake.requests.filter((r) => r.operationId === 'create_one_algorithm')
    expect(creates).toHaveLength(50)
    expect(new Set(rows.map((row) => row?.nationalLars)).size).toBe(50)
    expect(fake.requests.filter((r) => r.problems.length > 0)).toEqual([])
  }, 900_000)
})
