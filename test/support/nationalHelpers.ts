import { randomInt } from 'node:crypto'

import type { Payload } from 'payload'

import type { NationalDelivery, NationalRegisterConnection } from '../../payload-types'
import type { FakeNationalRegister } from './fakeNationalRegister'

/** A Keycloak account of the fake for one organisation. */
export interface NationalAccount {
  clientId: string
  username: string
  password: string
}

/** Registers a fresh account in the fake and connects the organisation with it. */
export async function connectOrganisation(
  payload: Payload,
  fake: FakeNationalRegister,
  organisation: { id: number; code?: string | null },
): Promise<{ connection: NationalRegisterConnection; account: NationalAccount }> {
  const account = {
    clientId: `cms-${randomInt(1e9)}`,
    username: `aanlever-${randomInt(1e9)}`,
    password: `geheim-${randomInt(1e9)}`,
  }
  fake.addAccount(account)
  const connection = await payload.create({
    collection: 'national-register-connections',
    data: {
      organisation: organisation.id,
      delivers: true,
      organisationCode: organisation.code ?? `gm${randomInt(1000, 9999)}`,
      tokenUrl: fake.tokenUrl,
      ...account,
    },
    overrideAccess: true,
    depth: 0,
  })
  return { connection, account }
}

/** The delivery row of an algorithm, read past access control. */
export async function deliveryOf(
  payload: Payload,
  algorithmId: number,
): Promise<NationalDelivery | undefined> {
  const found = await payload.find({
    collection: 'national-deliveries',
    where: { algorithm: { equals: algorithmId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs[0]
}

const FINAL = new Set(['vrijgegeven', 'ingetrokken', 'fout', 'niet_aangeleverd'])

/**
 * Runs the national queue (one job at a time, as the server does) until every given algorithm's
 * delivery is in a final state. Retries wait for their `waitUntil`, so between rounds it pauses
 * briefly; it gives up after `rounds` rounds, which fails the test that waited.
 */
export async function runNationalQueue(
  payload: Payload,
  algorithmIds: number[],
  rounds = 400,
): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await payload.jobs.run({ queue: 'national', limit: 100, sequential: true, silent: true })
    const rows = await Promise.all(algorithmIds.map((id) => deliveryOf(payload, id)))
    if (rows.every((row) => row && FINAL.has(row.status))) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`The national queue did not settle in ${rounds} rounds.`)
}
