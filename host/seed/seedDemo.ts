import type { Payload } from 'payload'

import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demoData'
import { seedDemoAlgorithms } from './seedDemoAlgorithms'

export interface DemoLogin {
  role: string
  email: string
  password: string
}

/**
 * Fills an empty register with demo organisations, one account per role and a few example
 * descriptions in different workflow states. Runs only when there are no users yet, so a
 * second start reuses the data and a register with real people is never touched.
 */
export async function seedDemo(payload: Payload): Promise<DemoLogin[] | null> {
  const logins = DEMO_USERS.map((user) => ({
    role: user.label,
    email: user.email,
    password: DEMO_PASSWORD,
  }))
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) {
    const demo = await payload.count({
      collection: 'users',
      where: { email: { equals: DEMO_USERS[0].email } },
      overrideAccess: true,
    })
    return demo.totalDocs > 0 ? logins : null
  }
  payload.logger.info('Lege database: demogegevens worden aangemaakt.')
  const organisationIds = new Map<string, number>()
  for (const organisation of DEMO_ORGANISATIONS) {
    const created = await payload.create({
      collection: 'organisations',
      data: { ...organisation, postalAddress: { ...organisation.postalAddress } },
      overrideAccess: true,
    })
    organisationIds.set(organisation.code, created.id)
  }
  // The platform admin first: the first user of an empty register becomes platform admin.
  const ordered = [...DEMO_USERS].sort((a, b) => Number(a.role !== null) - Number(b.role !== null))
  const userIds = new Map<string, number>()
  for (const user of ordered) {
    const created = await payload.create({
      collection: 'users',
      data: {
        email: user.email,
        password: DEMO_PASSWORD,
        name: user.name,
        isPlatformAdmin: user.role === null,
        memberships:
          user.organisation && user.role
            ? [{ organisation: organisationIds.get(user.organisation) as number, role: user.role }]
            : [],
      },
      overrideAccess: true,
    })
    userIds.set(user.email, created.id)
  }
  await seedDemoAlgorithms(payload, { organisationIds, userIds })
  return logins
}
