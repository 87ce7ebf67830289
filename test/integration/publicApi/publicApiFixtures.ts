import type { Payload } from 'payload'

import type { Algorithm, Organisation } from '../../../payload-types'
import { htmlToLexical } from '../../../src/standard/richText'
import { createOrganisation, rest } from '../../support/fixtures'
import {
  createPerson,
  publishedAlgorithm,
  transition,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

/** What a public API request answered. */
export interface PublicAnswer<T = unknown> {
  status: number
  headers: Headers
  text: string
  body: T
}

/** GET (or another method) on the public API; the body is parsed when it is JSON. */
export async function getPublic<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  init: { headers?: Record<string, string>; method?: string } = {},
): Promise<PublicAnswer<T>> {
  const response = await fetch(`${baseUrl}/register/v1${path}`, {
    method: init.method ?? 'GET',
    headers: init.headers,
  })
  const text = await response.text()
  let body: unknown = text
  if (/json/.test(response.headers.get('content-type') ?? '') && text) body = JSON.parse(text)
  return { status: response.status, headers: response.headers, text, body: body as T }
}

/** A published algorithm of the team (created, submitted, approved). */
export function publish(
  payload: Payload,
  baseUrl: string,
  team: WorkflowTeam,
  overrides: Record<string, unknown> = {},
): Promise<Algorithm> {
  return publishedAlgorithm(payload, baseUrl, team, overrides)
}

/** Edits a published algorithm (new working version), submits it with a summary, approves it. */
export async function republish(
  baseUrl: string,
  team: WorkflowTeam,
  algorithmId: number,
  changes: Record<string, unknown>,
  changeSummary: string,
): Promise<void> {
  const edited = await rest(baseUrl, 'PATCH', `/api/algorithms/${algorithmId}`, {
    token: team.editor.token,
    body: changes,
  })
  if (edited.status !== 200) throw new Error(`edit failed: ${JSON.stringify(edited.body)}`)
  const submitted = await transition(baseUrl, team.editor.token, algorithmId, {
    action: 'submit',
    expectedState: 'concept',
    changeSummary,
  })
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`)
  const approved = await transition(baseUrl, team.reviewer.token, algorithmId, {
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`)
}

/** Withdraws the publication of an algorithm as the team's reviewer. */
export async function withdraw(
  baseUrl: string,
  team: WorkflowTeam,
  algorithmId: number,
  reason = 'Het algoritme wordt niet meer gebruikt.',
): Promise<void> {
  const result = await transition(baseUrl, team.reviewer.token, algorithmId, {
    action: 'withdraw',
    expectedState: 'gepubliceerd',
    reason,
  })
  if (result.status !== 200) throw new Error(`withdraw failed: ${JSON.stringify(result.body)}`)
}

/** Rich text for a long field. */
export function html(value: string): unknown {
  return htmlToLexical(value)
}

/** An organisation (with the given fields) with an editor and a reviewer, both logged in. */
export async function createTeam(
  payload: Payload,
  baseUrl: string,
  organisation: Partial<Organisation> = {},
): Promise<WorkflowTeam> {
  const created = await createOrganisation(payload, {
    settings: { fourEyes: true, reviewIntervalMonths: 12, plainLanguageBlocks: false },
    ...organisation,
  })
  const member = (role: 'redacteur' | 'goedkeurder' | 'beheerder', name: string) =>
    createPerson(payload, baseUrl, { memberships: [{ organisation: created.id, role }], name })
  return {
    organisation: created,
    editor: await member('redacteur', 'Eva Redacteur'),
    reviewer: await member('goedkeurder', 'Gijs Goedkeurder'),
    secondReviewer: await member('goedkeurder', 'Greet Goedkeurder'),
    admin: await member('beheerder', 'Bram Beheerder'),
  }
}
