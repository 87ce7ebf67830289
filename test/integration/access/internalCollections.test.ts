import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createOrganisation, createUser, login, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'

let app: TestApp

beforeAll(async () => {
  app = await testApp()
})

afterAll(async () => {
  await closeTestApp()
})

describe("Payload's job statistics (schedule timestamps of the review reminders)", () => {
  it('refuses editors and auditors, reading and writing', async () => {
    const organisation = await createOrganisation(app.payload)
    const editor = await createUser(app.payload, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    const token = await login(app.url, editor.email)
    const read = await rest(app.url, 'GET', '/api/globals/payload-jobs-stats', { token })
    expect(read.status).toBe(403)
    const write = await rest(app.url, 'POST', '/api/globals/payload-jobs-stats', {
      token,
      body: {
        stats: {
          scheduledRuns: {
            queues: {
              reminders: { reviewReminders: { lastScheduledRun: '2999-01-01T00:00:00.000Z' } },
            },
          },
        },
      },
    })
    expect(write.status).toBe(403)
  })

  it('lets platform admins read it', async () => {
    const admin = await createUser(app.payload, { isPlatformAdmin: true })
    const token = await login(app.url, admin.email)
    const read = await rest(app.url, 'GET', '/api/globals/payload-jobs-stats', { token })
    expect(read.status).toBe(200)
  })
})
