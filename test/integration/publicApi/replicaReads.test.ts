/**
 * DATABASE_REPLICA_URL: public reads go to a real streaming replica (pg_basebackup -R) that the
 * test starts, and never answer with a publication older than one whose approval had returned,
 * also while the replica's replay is paused on purpose.
 */
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Algorithm } from '../../../payload-types'
import { createPublicApi, type PublicApi } from '../../../src/publicApi/publicApi'
import { startStreamingPair, type StreamingPair } from '../../support/streamingReplica'
import type { TestApp } from '../../support/testApp'
import { migrateDatabase } from '../../support/testDatabase'
import type { WorkflowTeam } from '../../support/workflowHelpers'
import { createTeam, publish, republish } from './publicApiFixtures'

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

let pair: StreamingPair
let app: TestApp
let closeApp: () => Promise<void>
let api: PublicApi
let team: WorkflowTeam
let algorithm: Algorithm

beforeAll(async () => {
  pair = await startStreamingPair(`register_replica_${randomBytes(3).toString('hex')}`)
  migrateDatabase(pair.primaryUrl, projectDir)
  // payload.config reads DATABASE_URL when it is imported: point it at this file's primary.
  process.env.DATABASE_URL = pair.primaryUrl
  const support = await import('../../support/testApp')
  app = await support.testApp()
  closeApp = support.closeTestApp
  team = await createTeam(app.payload, app.url)
  algorithm = await publish(app.payload, app.url, team, {
    name: 'Replicatoets parkeren',
    description_short: 'Versie een van de parkeercontrole.',
  })
  // No response cache: every answer below is read from a database.
  api = createPublicApi({
    payload: app.payload,
    cacheBytes: 0,
    listen: false,
    replicaUrl: pair.replicaUrl,
  })
}, 300000)

afterAll(async () => {
  await api?.close()
  await closeApp?.()
  await pair?.stop()
}, 60000)

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await api.answer({ method: 'GET', url })
  return {
    status: answer.status,
    body: JSON.parse(answer.body?.toString() ?? '{}') as Record<string, unknown>,
  }
}

const code = () => String(team.organisation.code)
const descriptionsIn = (body: Record<string, unknown>) =>
  ((body.results ?? []) as Array<{ description_short: string }>).map(
    (item) => item.description_short,
  )

describe('public reads with a streaming replica', () => {
  it('reads from the replica once it has replayed the publication', async () => {
    await pair.waitForReplay()
    const before = { ...api.replicaStats! }
    const detail = await get(`/algorithms/${algorithm.lars}`)
    expect(detail.status).toBe(200)
    expect(detail.body.description_short).toBe('Versie een van de parkeercontrole.')
    const list = await get(`/algorithms?organisation=${code()}`)
    expect(descriptionsIn(list.body)).toEqual(['Versie een van de parkeercontrole.'])
    const stats = api.replicaStats!
    // Detail, list page and its facet counts: all three on the replica.
    expect(stats.replica - before.replica).toBe(3)
    expect(stats.primary - before.primary).toBe(0)
  })

  it('never serves what the paused replica has not replayed: 0 stale reads', async () => {
    await pair.waitForReplay()
    await pair.onReplica('SELECT pg_wal_replay_pause()')
    try {
      await republish(
        app.url,
        team,
        algorithm.id,
        { description_short: 'Versie twee van de parkeercontrole.' },
        'Tweede versie.',
      )
      const added = await publish(app.payload, app.url, team, {
        name: 'Replicatoets afval',
        description_short: 'Alleen op de primaire database.',
      })
      // The replica really lags: it still holds version one and not the new publication.
      const onReplica = await pair.onReplica<{ lars: string; description: string }>(
        `SELECT lars, record->>'description_short' AS description FROM public_algorithms
         WHERE organisation_code = '${code()}' ORDER BY lars`,
      )
      expect(onReplica).toEqual([
        { lars: algorithm.lars, description: 'Versie een van de parkeercontrole.' },
      ])

      const before = { ...api.replicaStats! }
      let stale = 0
      for (let round = 0; round < 5; round += 1) {
        const detail = await get(`/algorithms/${algorithm.lars}`)
        if (detail.body.description_short !== 'Versie twee van de parkeercontrole.') stale += 1
        const fresh = await get(`/algorithms/${added.lars}`)
        if (fresh.status !== 200) stale += 1
        const list = await get(`/algorithms?organisation=${code()}&sort=name`)
        const listed = descriptionsIn(list.body)
        if (
          listed.join('|') !== 'Alleen op de primaire database.|Versie twee van de parkeercontrole.'
        )
          stale += 1
        if (list.body.totalCount !== 2) stale += 1
        const search = await get(`/algorithms?q=parkeercontrole&organisation=${code()}`)
        if (descriptionsIn(search.body)[0] !== 'Versie twee van de parkeercontrole.') stale += 1
      }
      expect(stale).toBe(0)
      const stats = api.replicaStats!
      // 5 rounds × (2 details + list + facets + search + facets) went to the primary.
      expect(stats.behind - before.behind).toBe(30)
      expect(stats.replica - before.replica).toBe(0)
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()')
    }
  })

  it('returns to the replica when it has caught up', async () => {
    await pair.waitForReplay()
    const before = { ...api.replicaStats! }
    const detail = await get(`/algorithms/${algorithm.lars}`)
    expect(detail.body.description_short).toBe('Versie twee van de parkeercontrole.')
    expect(api.replicaStats!.replica - before.replica).toBe(1)
  })
})
