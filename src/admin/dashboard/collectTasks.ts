import type { Payload, Where } from 'payload'

import { organisationIdsFor } from '../../../access/organisationIdsFor'
import { WRITER_ROLES } from '../../../access/roles'
import { usersSlugOf } from '../../plugin/registerOptionsOf'

/** One thing waiting for the signed-in person. */
export interface Task {
  id: number
  name: string
  organisation: string
  /** When it started waiting (submitted, sent back, or the review date). */
  since: string | null
  submittedByName: string | null
  lastComment: string | null
  reviewDueAt: string | null
  reviewOverdue: boolean
  /** The person worked on this version, so four-eyes keeps them from approving it. */
  ownWork: boolean
}

/** Tasks per kind. */
export interface Tasks {
  /** Submissions waiting for this person as reviewer. */
  toReview: Task[]
  /** Descriptions sent back with a comment, for editors of the organisation. */
  changesRequested: Task[]
  /** Published descriptions whose periodic review is due within the warning window or overdue. */
  reviewsDue: Task[]
  /** The person writes descriptions somewhere (shows the "new description" shortcut). */
  canWrite: boolean
}

interface TaskUser {
  id: number | string
  isPlatformAdmin?: boolean | null
}

/** Reviews due within this many days are listed before they are overdue. */
export const REVIEW_WARNING_DAYS = 30
const LIMIT = 25

interface AlgorithmRow {
  id: number
  name?: string | null
  organization?: number | { id: number } | null
  updatedAt?: string | null
  workflow?: {
    submittedAt?: string | null
    submittedById?: number | null
    submittedByName?: string | null
    versionEditors?: unknown
    lastComment?: string | null
    reviewDueAt?: string | null
    reviewOverdue?: boolean | null
  } | null
}

/**
 * Organisations without a reviewer of their own: there a platform admin approves, so their
 * submissions belong in a platform admin's task list.
 */
async function organisationsWithoutReviewer(payload: Payload): Promise<number[]> {
  const organisations = await payload.find({
    collection: 'organisations',
    depth: 0,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
    select: { name: true },
  })
  const reviewers = await payload.find({
    collection: usersSlugOf(payload),
    where: { 'memberships.role': { equals: 'goedkeurder' } },
    depth: 0,
    limit: 10000,
    pagination: false,
    overrideAccess: true,
    select: { memberships: true },
  })
  const covered = new Set<number>()
  for (const reviewer of reviewers.docs) {
    for (const id of organisationIdsFor(reviewer, ['goedkeurder'])) {
      covered.add(id)
    }
  }
  return organisations.docs.map((o) => o.id as number).filter((id) => !covered.has(id))
}

/**
 * What is waiting for `user`: as reviewer, submissions in their organisations (for a platform
 * admin: in organisations without a reviewer); as editor, descriptions sent back and reviews
 * that are due. Reads with the user's own access rights.
 */
export async function collectTasks(
  payload: Payload,
  user: TaskUser,
  now = new Date(),
): Promise<Tasks> {
  const reviewerOrganisations = organisationIdsFor(user, ['goedkeurder'])
  if (user.isPlatformAdmin) {
    reviewerOrganisations.push(...(await organisationsWithoutReviewer(payload)))
  }
  // Sent-back descriptions and due reviews are editors' work; reviewers see what waits for them.
  const editorOrganisations = organisationIdsFor(user, ['redacteur', 'beheerder'])
  const writerOrganisations = organisationIdsFor(user, WRITER_ROLES)
  const userId = Number(user.id)

  const find = async (where: Where, sort: string): Promise<AlgorithmRow[]> => {
    const result = await payload.find({
      collection: 'algorithms',
      where,
      sort,
      depth: 0,
      limit: LIMIT,
      overrideAccess: false,
      user: { ...user, collection: usersSlugOf(payload) } as never,
      select: {
        name: true,
        organization: true,
        updatedAt: true,
        workflow: {
          submittedAt: true,
          submittedById: true,
          submittedByName: true,
          versionEditors: true,
          lastComment: true,
          reviewDueAt: true,
          reviewOverdue: true,
        },
      },
    })
    return result.docs as unknown as AlgorithmRow[]
  }

  const dueBefore = new Date(now.getTime() + REVIEW_WARNING_DAYS * 24 * 60 * 60 * 1000)
  const [toReview, changesRequested, reviewsDue] = await Promise.all([
    reviewerOrganisations.length > 0
      ? find(
          {
            and: [
              { 'workflow.state': { equals: 'ter_beoordeling' } },
              { organization: { in: reviewerOrganisations } },
            ],
          },
          'workflow.submittedAt',
        )
      : Promise.resolve([]),
    editorOrganisations.length > 0
      ? find(
          {
            and: [
              { 'workflow.state': { equals: 'teruggezet' } },
              { organization: { in: editorOrganisations } },
            ],
          },
          '-updatedAt',
        )
      : Promise.resolve([]),
    editorOrganisations.length > 0
      ? find(
          {
            and: [
              { organization: { in: editorOrganisations } },
              { 'workflow.state': { in: ['gepubliceerd', 'concept'] } },
              {
                or: [
                  { 'workflow.reviewOverdue': { equals: true } },
                  { 'workflow.reviewDueAt': { less_than: dueBefore.toISOString() } },
                ],
              },
            ],
          },
          'workflow.reviewDueAt',
        )
      : Promise.resolve([]),
  ])

  const organisationIds = [
    ...new Set(
      [...toReview, ...changesRequested, ...reviewsDue]
        .map((row) =>
          typeof row.organization === 'object' ? row.organization?.id : row.organization,
        )
        .filter((id): id is number => typeof id === 'number'),
    ),
  ]
  const organisations =
    organisationIds.length > 0
      ? await payload.find({
          collection: 'organisations',
          where: { id: { in: organisationIds } },
          depth: 0,
          limit: organisationIds.length,
          overrideAccess: true,
          select: { name: true },
        })
      : { docs: [] }
  const names = new Map(organisations.docs.map((o) => [o.id as number, String(o.name ?? '')]))

  const toTask = (row: AlgorithmRow, since: string | null | undefined): Task => {
    const workflow = row.workflow ?? {}
    const editors = Array.isArray(workflow.versionEditors)
      ? (workflow.versionEditors as unknown[]).map(Number)
      : []
    const organisationId =
      typeof row.organization === 'object' ? row.organization?.id : row.organization
    return {
      id: row.id,
      name: row.name ?? String(row.id),
      organisation: (organisationId !== undefined && names.get(organisationId as number)) || '',
      since: since ?? null,
      submittedByName: workflow.submittedByName ?? null,
      lastComment: workflow.lastComment ?? null,
      reviewDueAt: workflow.reviewDueAt ?? null,
      reviewOverdue: workflow.reviewOverdue === true,
      ownWork: workflow.submittedById === userId || editors.includes(userId),
    }
  }

  return {
    toReview: toReview.map((row) => toTask(row, row.workflow?.submittedAt)),
    changesRequested: changesRequested.map((row) => toTask(row, row.updatedAt)),
    reviewsDue: reviewsDue.map((row) => toTask(row, row.workflow?.reviewDueAt)),
    canWrite: writerOrganisations.length > 0 || user.isPlatformAdmin === true,
  }
}
