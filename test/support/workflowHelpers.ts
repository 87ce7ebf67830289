import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { MembershipRole } from '../../access/roles'
import type { Algorithm, Organisation, User } from '../../payload-types'
import { runSql } from '../../src/database/runSql'
import { completeDescription, createAlgorithmAs } from './algorithmFixtures'
import { createOrganisation, createUser, login, rest, type ApiResult } from './fixtures'

/** A user together with a REST token for them. */
export interface Person {
  user: User
  token: string
}

/** An organisation with the people a workflow needs. */
export interface WorkflowTeam {
  organisation: Organisation
  editor: Person
  reviewer: Person
  secondReviewer: Person
  /** Organisation admin (beheerder). */
  admin: Person
}

/** The body of a refused workflow request. */
export interface ErrorBody {
  errors: Array<{ message: string; code?: string; details?: string[] }>
}

/** The body of a successful transition. */
export interface TransitionBody {
  message: string
  state: string
  revision: { id: number; revisionNumber: number } | null
  warnings: string[]
}

/**
 * The register makes the very first account a platform admin. When this file happens to run
 * first on the fresh test database, an ordinary test user must not become that account.
 */
async function ensureFirstAccountExists(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs === 0) await createUser(payload, { name: 'Eerste platformbeheerder' })
}

/** Creates a user and logs them in through the REST API. */
export async function createPerson(
  payload: Payload,
  baseUrl: string,
  options: {
    memberships?: Array<{ organisation: number; role: MembershipRole }>
    isPlatformAdmin?: boolean
    name?: string
  } = {},
): Promise<Person> {
  await ensureFirstAccountExists(payload)
  const user = await createUser(payload, options)
  return { user, token: await login(baseUrl, user.email) }
}

/** A fresh organisation (with the given settings) with an editor, two reviewers and an admin. */
export async function createWorkflowTeam(
  payload: Payload,
  baseUrl: string,
  settings: Partial<NonNullable<Organisation['settings']>> = {},
): Promise<WorkflowTeam> {
  const organisation = await createOrganisation(payload, {
    settings: { fourEyes: true, reviewIntervalMonths: 12, plainLanguageBlocks: false, ...settings },
  })
  const member = (role: MembershipRole, name: string) =>
    createPerson(payload, baseUrl, {
      memberships: [{ organisation: organisation.id, role }],
      name,
    })
  return {
    organisation,
    editor: await member('redacteur', 'Eva Redacteur'),
    reviewer: await member('goedkeurder', 'Gijs Goedkeurder'),
    secondReviewer: await member('goedkeurder', 'Greet Goedkeurder'),
    admin: await member('beheerder', 'Bram Beheerder'),
  }
}

/** POST /api/algorithms/:id/transition as `token`. */
export function transition<T = TransitionBody>(
  baseUrl: string,
  token: string,
  algorithmId: number,
  body: Record<string, unknown>,
  language?: string,
): Promise<ApiResult<T>> {
  return rest<T>(baseUrl, 'POST', `/api/algorithms/${algorithmId}/transition`, {
    token,
    body,
    language,
  })
}

/** A complete description written by the team's editor (state concept). */
export function draftAlgorithm(
  payload: Payload,
  team: WorkflowTeam,
  overrides: Record<string, unknown> = {},
): Promise<Algorithm> {
  return createAlgorithmAs(
    payload,
    team.editor.user,
    completeDescription(team.organisation.id, overrides),
  )
}

/** A complete description, submitted by the editor (state ter_beoordeling). */
export async function submittedAlgorithm(
  payload: Payload,
  baseUrl: string,
  team: WorkflowTeam,
  overrides: Record<string, unknown> = {},
): Promise<Algorithm> {
  const algorithm = await draftAlgorithm(payload, team, overrides)
  const submitted = await transition(baseUrl, team.editor.token, algorithm.id, {
    action: 'submit',
    expectedState: 'concept',
  })
  if (submitted.status !== 200) {
    throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`)
  }
  return algorithm
}

/** A complete description, submitted by the editor and approved by the first reviewer. */
export async function publishedAlgorithm(
  payload: Payload,
  baseUrl: string,
  team: WorkflowTeam,
  overrides: Record<string, unknown> = {},
): Promise<Algorithm> {
  const algorithm = await submittedAlgorithm(payload, baseUrl, team, overrides)
  const approved = await transition(baseUrl, team.reviewer.token, algorithm.id, {
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })
  if (approved.status !== 200) {
    throw new Error(`approve failed: ${approved.status} ${JSON.stringify(approved.body)}`)
  }
  return readAlgorithm(payload, algorithm.id)
}

/** The stored algorithm, read past access control. */
export function readAlgorithm(payload: Payload, id: number): Promise<Algorithm> {
  return payload.findByID({ collection: 'algorithms', id, depth: 0, overrideAccess: true })
}

/** A Local API request acting as `user`, as the admin or a script would build it. */
export function localRequest(payload: Payload, user: User): Promise<PayloadRequest> {
  return createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
}

/** Raw SQL outside any transaction (reads, and the injected triggers). */
export function query<Row extends Record<string, unknown>>(
  payload: Payload,
  statement: ReturnType<typeof sql>,
): Promise<Row[]> {
  return runSql<Row>({ payload }, statement)
}

/** What the database holds about an algorithm's workflow, straight from the tables. */
export async function workflowFacts(
  payload: Payload,
  algorithmId: number,
): Promise<{
  state: string
  transitionCount: number
  revisions: number
  projections: number
  transitionEvents: Array<{ action: string; actorId: number | null }>
}> {
  const [row] = await query<{ state: string; count: string }>(
    payload,
    sql`SELECT workflow_state AS state, workflow_transition_count AS count FROM algorithms WHERE id = ${algorithmId}`,
  )
  const [revisions] = await query<{ n: number }>(
    payload,
    sql`SELECT count(*)::int AS n FROM revisions WHERE algorithm_id = ${algorithmId}`,
  )
  const [projections] = await query<{ n: number }>(
    payload,
    sql`SELECT count(*)::int AS n FROM public_algorithms WHERE algorithm_id = ${algorithmId}`,
  )
  const events = await query<{ action: string; actor_id: string | null }>(
    payload,
    sql`SELECT details->>'action' AS action, actor_id FROM audit_events
        WHERE event_type = 'transition' AND target_collection = 'algorithms'
          AND target_id = ${String(algorithmId)} ORDER BY sequence`,
  )
  return {
    state: row.state,
    transitionCount: Number(row.count),
    revisions: revisions.n,
    projections: projections.n,
    transitionEvents: events.map((event) => ({
      action: event.action,
      actorId: event.actor_id === null ? null : Number(event.actor_id),
    })),
  }
}

/** The public projection row of an algorithm, if any. */
export async function projectionRow(
  payload: Payload,
  algorithmId: number,
): Promise<Record<string, unknown> | undefined> {
  const rows = await query(
    payload,
    sql`SELECT * FROM public_algorithms WHERE algorithm_id = ${algorithmId}`,
  )
  return rows[0]
}

/** Mail jobs waiting in the outbox for one address. */
export async function queuedMailCount(payload: Payload, to: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    payload,
    sql`SELECT count(*)::int AS n FROM payload_jobs
        WHERE task_slug = 'sendNotification' AND input->>'to' = ${to}`,
  )
  return row.n
}

/** Runs the mail outbox in this process until it is empty. */
export async function runMailQueue(payload: Payload): Promise<void> {
  for (let round = 0; round < 20; round += 1) {
    const result = await payload.jobs.run({ queue: 'mail', limit: 100, silent: true })
    if (result.noJobsRemaining) return
  }
  throw new Error('The mail queue did not empty in 20 rounds.')
}

/** Identifiers for injected triggers: letters, digits and underscores only. */
function safeIdentifier(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`unsafe identifier ${name}`)
  return name
}

/**
 * Adds a temporary BEFORE INSERT trigger on `table` for rows matching `condition` (an SQL
 * expression over NEW) while `run` runs, and drops it afterwards whatever happens. The trigger
 * either fails the insert or, with `sleepSeconds`, holds the inserting transaction (and its
 * locks) open for a while. The condition keeps the effect to the test's own rows.
 */
export async function withInsertTrigger<T>(
  payload: Payload,
  options: { name: string; table: string; condition: string; sleepSeconds?: number },
  run: () => Promise<T>,
): Promise<T> {
  const name = safeIdentifier(`test_trigger_${options.name}`)
  const table = safeIdentifier(options.table)
  const body =
    options.sleepSeconds === undefined
      ? `RAISE EXCEPTION 'injected test failure on %', TG_TABLE_NAME;`
      : `PERFORM pg_sleep(${Number(options.sleepSeconds)}); RETURN NEW;`
  await query(
    payload,
    sql.raw(`
      CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${body}
      END
      $fn$;
      CREATE TRIGGER ${name} BEFORE INSERT ON ${table}
        FOR EACH ROW WHEN (${options.condition}) EXECUTE FUNCTION ${name}();
    `),
  )
  try {
    return await run()
  } finally {
    await query(
      payload,
      sql.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}; DROP FUNCTION IF EXISTS ${name}();`),
    )
  }
}

/** {@link withInsertTrigger} that makes the matching inserts fail. */
export function withFailingInsert<T>(
  payload: Payload,
  options: { name: string; table: string; condition: string },
  run: () => Promise<T>,
): Promise<T> {
  return withInsertTrigger(payload, options, run)
}
