import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sql } from '@payloadcms/db-postgres'

import type { Algorithm } from '../../../payload-types'
import { performTransition, TransitionError } from '../../../src/workflow/transitionService'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  draftAlgorithm,
  localRequest,
  projectionRow,
  publishedAlgorithm,
  query,
  readAlgorithm,
  submittedAlgorithm,
  transition,
  workflowFacts,
  type ErrorBody,
  type Person,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam
let url: string

beforeAll(async () => {
  app = await testApp()
  url = app.url
  team = await createWorkflowTeam(app.payload, url)
})

afterAll(async () => {
  await closeTestApp()
})

function firstError(body: unknown): { message: string; code?: string; details?: string[] } {
  return (body as ErrorBody).errors[0]
}

async function patch(token: string, id: number, body: Record<string, unknown>, language?: string) {
  return rest(url, 'PATCH', `/api/algorithms/${id}`, { token, body, language })
}

describe('submit', () => {
  it('refuses an incomplete description with 422 and lists the missing fields', async () => {
    const algorithm = await createAlgorithmAs(app.payload, team.editor.user, {
      name: 'Half ingevulde beschrijving',
      organization: team.organisation.id,
    })
    const refused = await transition(url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(refused.status).toBe(422)
    const error = firstError(refused.body)
    expect(error.code).toBe('incomplete')
    expect(error.details).toEqual([
      'description_short',
      'status',
      'contact_email',
      'publication_category',
    ])
    // The message names the fields the way the editor sees them, not the technical keys.
    expect(error.message).toBe(
      'Vul eerst de verplichte velden in: Korte omschrijving, Status, Contactgegevens en Publicatiecategorie.',
    )
    const english = await transition(
      url,
      team.editor.token,
      algorithm.id,
      { action: 'submit', expectedState: 'concept' },
      'en',
    )
    expect(firstError(english.body).message).toBe(
      'Fill in the required fields first: Short description, Status, Contact details and Publication category.',
    )
    expect((await workflowFacts(app.payload, algorithm.id)).state).toBe('concept')
  })

  it('blocks on plain-language warnings when the organisation says so, and only warns otherwise', async () => {
    const strict = await createWorkflowTeam(app.payload, url, { plainLanguageBlocks: true })
    const officialese = {
      description_short:
        'Middels een computerprogramma plannen wij de routes van de vuilniswagens.',
    }
    const blocked = await draftAlgorithm(app.payload, strict, officialese)
    const refused = await transition(url, strict.editor.token, blocked.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(refused.status).toBe(422)
    expect(firstError(refused.body).code).toBe('plain_language')
    expect(firstError(refused.body).message).toBe(
      'De tekst heeft nog 1 punt die niet in eenvoudige taal is. Uw organisatie vraagt om die eerst op te lossen.',
    )
    expect((await workflowFacts(app.payload, blocked.id)).state).toBe('concept')

    const lenient = await draftAlgorithm(app.payload, team, officialese)
    const warned = await transition(url, team.editor.token, lenient.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(warned.status).toBe(200)
    expect(warned.body.state).toBe('ter_beoordeling')
    expect(warned.body.warnings).toEqual([
      'De tekst heeft nog 1 punt die niet in eenvoudige taal is. U kunt toch indienen, maar kijk er nog even naar.',
    ])
  })

  it('needs a change summary from the second publication on', async () => {
    const first = await draftAlgorithm(app.payload, team)
    const firstSubmit = await transition(url, team.editor.token, first.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(firstSubmit.status).toBe(200)
    await transition(url, team.reviewer.token, first.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    const edited = await patch(team.editor.token, first.id, {
      description_short: 'De computer plant de routes. Een planner controleert ze elke week.',
    })
    expect(edited.status).toBe(200)

    const withoutSummary = await transition(url, team.editor.token, first.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(withoutSummary.status).toBe(422)
    expect(firstError(withoutSummary.body)).toMatchObject({
      code: 'change_summary_required',
      message: 'Deze beschrijving is al eerder gepubliceerd. Vat kort samen wat u hebt veranderd.',
    })
    const blank = await transition(url, team.editor.token, first.id, {
      action: 'submit',
      expectedState: 'concept',
      changeSummary: '   ',
    })
    expect(blank.status).toBe(422)

    const withSummary = await transition(url, team.editor.token, first.id, {
      action: 'submit',
      expectedState: 'concept',
      changeSummary: 'Korte omschrijving verduidelijkt.',
    })
    expect(withSummary.status).toBe(200)
    const approved = await transition(url, team.reviewer.token, first.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    expect(approved.status).toBe(200)
    expect(approved.body.revision?.revisionNumber).toBe(2)
  })

  it('refuses auditors (403) and people from other organisations (404)', async () => {
    const auditor = await createPerson(app.payload, url, {
      memberships: [{ organisation: team.organisation.id, role: 'auditor' }],
    })
    const outsiderOrganisation = await createOrganisation(app.payload)
    const outsider = await createPerson(app.payload, url, {
      memberships: [{ organisation: outsiderOrganisation.id, role: 'goedkeurder' }],
    })
    const algorithm = await draftAlgorithm(app.payload, team)
    const byAuditor = await transition(url, auditor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(byAuditor.status).toBe(403)
    expect(firstError(byAuditor.body).code).toBe('forbidden')
    const byOutsider = await transition(url, outsider.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(byOutsider.status).toBe(404)
    const anonymous = await rest(url, 'POST', `/api/algorithms/${algorithm.id}/transition`, {
      body: { action: 'submit', expectedState: 'concept' },
    })
    expect(anonymous.status).toBe(401)
    expect((await workflowFacts(app.payload, algorithm.id)).state).toBe('concept')
  })

  it('answers 400 for an unknown action or a missing expectedState', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const unknown = await transition(url, team.editor.token, algorithm.id, {
      action: 'publish',
      expectedState: 'concept',
    })
    expect(unknown.status).toBe(400)
    expect(firstError(unknown.body).message).toContain("Onbekende actie 'publish'")
    const noState = await transition(url, team.editor.token, algorithm.id, { action: 'submit' })
    expect(noState.status).toBe(400)
    const missing = await transition(url, team.editor.token, 999_999, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(missing.status).toBe(404)
    expect(firstError(missing.body).message).toBe(
      'Deze beschrijving bestaat niet, of u hebt er geen toegang toe.',
    )
  })
})

describe('approve', () => {
  it('is reserved for reviewers', async () => {
    const algorithm = await submittedAlgorithm(app.payload, url, team)
    for (const person of [team.editor, team.admin]) {
      const refused = await transition(url, person.token, algorithm.id, {
        action: 'approve',
        expectedState: 'ter_beoordeling',
      })
      expect(refused.status).toBe(403)
      expect(firstError(refused.body).code).toBe('forbidden')
    }
    expect(firstError((await approveAs(team.editor, algorithm)).body).message).toBe(
      "'Goedkeuren en publiceren' mag alleen een goedkeurder. Uw rol hier: redacteur.",
    )
    expect((await workflowFacts(app.payload, algorithm.id)).state).toBe('ter_beoordeling')
  })

  it('four-eyes: the submitter may not approve, another reviewer may', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const submitted = await transition(url, team.secondReviewer.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(submitted.status).toBe(200)
    const own = await approveAs(team.secondReviewer, algorithm)
    expect(own.status).toBe(403)
    expect(firstError(own.body)).toMatchObject({
      code: 'four_eyes',
      message:
        'U kunt uw eigen werk niet goedkeuren: u hebt deze versie ingediend. Vraag een andere goedkeurder.',
    })
    const other = await approveAs(team.reviewer, algorithm)
    expect(other.status).toBe(200)
    expect(other.body).toMatchObject({ state: 'gepubliceerd', revision: { revisionNumber: 1 } })
  })

  it('four-eyes: a reviewer who edited the submitted version through REST may not approve it', async () => {
    const algorithm = await submittedAlgorithm(app.payload, url, team)
    const edited = await patch(team.reviewer.token, algorithm.id, {
      description_short: 'De goedkeurder heeft deze zin zelf herschreven voor de lezer.',
    })
    expect(edited.status).toBe(200)
    // Editing during review keeps the state; the reviewer is now one of the version's editors.
    const stored = await readAlgorithm(app.payload, algorithm.id)
    expect(stored.workflow?.state).toBe('ter_beoordeling')
    expect(stored.workflow?.versionEditors).toEqual([team.editor.user.id, team.reviewer.user.id])

    // Wiping the trace through the API is refused, not silently ignored.
    const wipe = await patch(team.reviewer.token, algorithm.id, {
      workflow: { versionEditors: [] },
    })
    expect(wipe.status).toBe(400)

    const own = await approveAs(team.reviewer, algorithm)
    expect(own.status).toBe(403)
    expect(firstError(own.body)).toMatchObject({
      code: 'four_eyes',
      message:
        'U kunt uw eigen werk niet goedkeuren: u hebt deze versie bewerkt. Vraag een andere goedkeurder.',
    })
    const other = await approveAs(team.secondReviewer, algorithm)
    expect(other.status).toBe(200)
    // The approval starts a clean slate for the next version.
    expect((await readAlgorithm(app.payload, algorithm.id)).workflow?.versionEditors).toEqual([])
  })

  it('with four-eyes switched off the submitter may approve their own work', async () => {
    const relaxed = await createWorkflowTeam(app.payload, url, { fourEyes: false })
    const algorithm = await createAlgorithmAs(
      app.payload,
      relaxed.reviewer.user,
      completeDescription(relaxed.organisation.id),
    )
    const submitted = await transition(url, relaxed.reviewer.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(submitted.status).toBe(200)
    const approved = await transition(url, relaxed.reviewer.token, algorithm.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    expect(approved.status).toBe(200)
    expect(approved.body.state).toBe('gepubliceerd')
  })

  it('a platform admin approves only for an organisation without reviewer, and still under four-eyes', async () => {
    const platformAdmin = await createPerson(app.payload, url, { isPlatformAdmin: true })
    const otherPlatformAdmin = await createPerson(app.payload, url, { isPlatformAdmin: true })

    const withReviewer = await submittedAlgorithm(app.payload, url, team)
    const refused = await approveAs(platformAdmin, withReviewer)
    expect(refused.status).toBe(403)
    expect(firstError(refused.body).message).toContain(
      'Deze organisatie heeft een eigen goedkeurder',
    )

    const small = await createOrganisation(app.payload, {
      settings: { fourEyes: true, reviewIntervalMonths: 12, plainLanguageBlocks: false },
    })
    const editor = await createPerson(app.payload, url, {
      memberships: [{ organisation: small.id, role: 'redacteur' }],
    })
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor.user,
      completeDescription(small.id),
    )
    const submitted = await transition(url, platformAdmin.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(submitted.status).toBe(200)
    const ownWork = await approveAs(platformAdmin, algorithm)
    expect(ownWork.status).toBe(403)
    expect(firstError(ownWork.body).code).toBe('four_eyes')
    const approved = await approveAs(otherPlatformAdmin, algorithm)
    expect(approved.status).toBe(200)
    expect(approved.body.state).toBe('gepubliceerd')
  })
})

describe('request changes, withdraw, archive, reopen', () => {
  it('request_changes needs a comment, stores it and queues it for the submitter', async () => {
    const algorithm = await submittedAlgorithm(app.payload, url, team)
    const empty = await transition(url, team.reviewer.token, algorithm.id, {
      action: 'request_changes',
      expectedState: 'ter_beoordeling',
      comment: ' ',
    })
    expect(empty.status).toBe(422)
    expect(firstError(empty.body)).toMatchObject({
      code: 'comment_required',
      message: 'Schrijf een opmerking voor de indiener: wat moet er anders?',
    })
    const comment = 'Leg uit wie de routes controleert.'
    const returned = await transition(url, team.reviewer.token, algorithm.id, {
      action: 'request_changes',
      expectedState: 'ter_beoordeling',
      comment,
    })
    expect(returned.status).toBe(200)
    expect(returned.body.state).toBe('teruggezet')
    expect((await readAlgorithm(app.payload, algorithm.id)).workflow?.lastComment).toBe(comment)
    const jobs = await query<{ subject: string; text: string }>(
      app.payload,
      sql`SELECT input->>'subject' AS subject, input->>'text' AS text FROM payload_jobs
          WHERE input->>'to' = ${team.editor.user.email}`,
    )
    const forThisAlgorithm = jobs.filter((job) =>
      job.text.includes(`/algorithms/${algorithm.id}\n`),
    )
    expect(forThisAlgorithm).toHaveLength(1)
    expect(forThisAlgorithm[0].subject).toBe('Aanpassen gevraagd: Afvalinzameling plannen')
    expect(forThisAlgorithm[0].text).toContain(comment)

    const resubmitted = await transition(url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'teruggezet',
    })
    expect(resubmitted.status).toBe(200)
    expect(resubmitted.body.state).toBe('ter_beoordeling')
  })

  it('withdraw needs a reason and marks the public record withdrawn', async () => {
    const algorithm = await publishedAlgorithm(app.payload, url, team)
    const byEditor = await transition(url, team.editor.token, algorithm.id, {
      action: 'withdraw',
      expectedState: 'gepubliceerd',
      reason: 'Niet meer in gebruik.',
    })
    expect(byEditor.status).toBe(403)
    const noReason = await transition(url, team.admin.token, algorithm.id, {
      action: 'withdraw',
      expectedState: 'gepubliceerd',
    })
    expect(noReason.status).toBe(422)
    expect(firstError(noReason.body).code).toBe('reason_required')
    expect((await projectionRow(app.payload, algorithm.id))?.withdrawn_at).toBeNull()

    const withdrawn = await transition(url, team.admin.token, algorithm.id, {
      action: 'withdraw',
      expectedState: 'gepubliceerd',
      reason: 'Het algoritme is niet meer in gebruik.',
    })
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.state).toBe('gedepubliceerd')
    const row = await projectionRow(app.payload, algorithm.id)
    const withdrawnAt = new Date(String(row?.withdrawn_at)).getTime()
    expect(Math.abs(Date.now() - withdrawnAt)).toBeLessThan(60_000)
    expect(row?.withdrawal_reason).toBe('Het algoritme is niet meer in gebruik.')
    const stored = await readAlgorithm(app.payload, algorithm.id)
    expect(stored.workflow?.publicRevision).toBeNull()
    expect(stored.workflow?.reviewDueAt).toBeNull()
  })

  it('withdraw is impossible when nothing is public', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const refused = await transition(url, team.admin.token, algorithm.id, {
      action: 'withdraw',
      expectedState: 'concept',
      reason: 'Test',
    })
    expect(refused.status).toBe(409)
    expect(firstError(refused.body).message).toBe(
      'Er is geen openbare versie van deze beschrijving, dus er valt niets in te trekken.',
    )
  })

  it('archive is refused while public, allowed after withdrawal; reopen brings it back to concept', async () => {
    const algorithm = await publishedAlgorithm(app.payload, url, team)
    const whilePublic = await transition(url, team.admin.token, algorithm.id, {
      action: 'archive',
      expectedState: 'gepubliceerd',
    })
    expect(whilePublic.status).toBe(409)
    expect(firstError(whilePublic.body)).toMatchObject({
      code: 'invalid_transition',
      message:
        'Deze beschrijving staat nog openbaar. Trek eerst de publicatie in. Daarna kunt u haar archiveren.',
    })
    // A new working version next to the public one is still public.
    await patch(team.editor.token, algorithm.id, { website: 'https://noorderhaaks.example/afval' })
    const draftNextToPublic = await transition(url, team.admin.token, algorithm.id, {
      action: 'archive',
      expectedState: 'concept',
    })
    expect(draftNextToPublic.status).toBe(409)

    expect(
      (
        await transition(url, team.reviewer.token, algorithm.id, {
          action: 'withdraw',
          expectedState: 'concept',
          reason: 'Wordt vervangen.',
        })
      ).status,
    ).toBe(200)
    const archived = await transition(url, team.admin.token, algorithm.id, {
      action: 'archive',
      expectedState: 'gedepubliceerd',
    })
    expect(archived.status).toBe(200)
    expect(archived.body.state).toBe('gearchiveerd')

    const reopened = await transition(url, team.editor.token, algorithm.id, {
      action: 'reopen',
      expectedState: 'gearchiveerd',
    })
    expect(reopened.status).toBe(200)
    expect(reopened.body.state).toBe('concept')
    const facts = await workflowFacts(app.payload, algorithm.id)
    expect(facts.transitionEvents.map((event) => event.action)).toEqual([
      'submit',
      'approve',
      'withdraw',
      'archive',
      'reopen',
    ])
  })

  it('archives a draft that was never public', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const archived = await transition(url, team.reviewer.token, algorithm.id, {
      action: 'archive',
      expectedState: 'concept',
    })
    expect(archived.status).toBe(200)
    const again = await transition(url, team.reviewer.token, algorithm.id, {
      action: 'archive',
      expectedState: 'gearchiveerd',
    })
    expect(again.status).toBe(409)
    expect(firstError(again.body).message).toBe(
      "'Archiveren' kan niet: de status is al 'Gearchiveerd'.",
    )
  })
})

describe('editing and direct writes', () => {
  it('editing a published description opens a concept; the public row stays as approved', async () => {
    const algorithm = await publishedAlgorithm(app.payload, url, team)
    const before = await projectionRow(app.payload, algorithm.id)
    expect(before?.revision_number).toBe(1)

    const edited = await patch(team.editor.token, algorithm.id, {
      description_short: 'Nieuwe tekst die nog niet openbaar mag worden.',
    })
    expect(edited.status).toBe(200)
    const stored = await readAlgorithm(app.payload, algorithm.id)
    expect(stored.workflow?.state).toBe('concept')
    expect(stored.workflow?.publicRevision).toBe(algorithm.workflow?.publicRevision)
    expect(stored.workflow?.versionEditors).toEqual([team.editor.user.id])

    const after = await projectionRow(app.payload, algorithm.id)
    expect(after).toEqual(before)
    expect(JSON.stringify(after?.record)).not.toContain('nog niet openbaar')
  })

  it('refuses edits of withdrawn and archived descriptions with 409 and a Dutch message', async () => {
    const algorithm = await publishedAlgorithm(app.payload, url, team)
    await transition(url, team.admin.token, algorithm.id, {
      action: 'withdraw',
      expectedState: 'gepubliceerd',
      reason: 'Gestopt.',
    })
    const withdrawnEdit = await patch(team.editor.token, algorithm.id, { name: 'Andere naam' })
    expect(withdrawnEdit.status).toBe(409)
    expect(firstError(withdrawnEdit.body).message).toBe(
      'Deze beschrijving is gedepubliceerd en kan niet worden gewijzigd. Heropen de beschrijving eerst.',
    )
    const english = await patch(team.editor.token, algorithm.id, { name: 'Other name' }, 'en')
    expect(firstError(english.body).message).toBe(
      'This description is withdrawn and cannot be changed. Reopen it first.',
    )

    await transition(url, team.admin.token, algorithm.id, {
      action: 'archive',
      expectedState: 'gedepubliceerd',
    })
    const archivedEdit = await patch(team.editor.token, algorithm.id, { name: 'Andere naam' })
    expect(archivedEdit.status).toBe(409)
    expect(firstError(archivedEdit.body).message).toBe(
      'Deze beschrijving is gearchiveerd en kan niet worden gewijzigd. Heropen de beschrijving eerst.',
    )
    expect((await readAlgorithm(app.payload, algorithm.id)).name).toBe('Afvalinzameling plannen')
  })

  it('refuses direct writes to workflow and system fields with a specific error', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { workflow: { state: 'gepubliceerd' } },
        'workflow',
        'De publicatiestatus verandert alleen via de knoppen Indienen, Goedkeuren, Terugzetten, Intrekken, Archiveren en Heropenen.',
      ],
      [
        { workflow: { submittedById: team.secondReviewer.user.id } },
        'workflow',
        'De publicatiestatus verandert alleen via de knoppen Indienen, Goedkeuren, Terugzetten, Intrekken, Archiveren en Heropenen.',
      ],
      [
        { lars: '12345674' },
        'lars',
        'Het Algoritme-ID maakt het systeem zelf aan en het verandert nooit. U kunt het niet invullen of wijzigen.',
      ],
      [
        { publication_dt: '2020-01-01' },
        'publication_dt',
        'Eerst gepubliceerd op: deze datum vult het systeem in bij de eerste goedkeuring.',
      ],
    ]
    for (const [body, path, message] of cases) {
      for (const person of [team.editor, team.reviewer, team.admin]) {
        const refused = await patch(person.token, algorithm.id, body)
        expect(refused.status).toBe(400)
        const errors = (refused.body as { errors: Array<{ data?: { errors?: unknown[] } }> }).errors
        expect(errors[0].data?.errors).toEqual([expect.objectContaining({ path, message })])
      }
    }
    const created = await rest(url, 'POST', '/api/algorithms', {
      token: team.editor.token,
      body: {
        ...completeDescription(team.organisation.id),
        workflow: { state: 'gepubliceerd' },
      },
    })
    expect(created.status).toBe(400)
    const stored = await readAlgorithm(app.payload, algorithm.id)
    expect(stored.workflow?.state).toBe('concept')
    expect(stored.publication_dt ?? null).toBeNull()
  })
})

describe('stale and repeated steps', () => {
  it('answers 409 when expectedState is outdated and when a step is repeated', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const stale = await transition(url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'teruggezet',
    })
    expect(stale.status).toBe(409)
    expect(firstError(stale.body)).toMatchObject({
      code: 'stale_state',
      message:
        "Deze beschrijving is intussen gewijzigd: de status is nu 'Concept' in plaats van 'Teruggezet'. Ververs de pagina.",
    })
    const first = await transition(url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(first.status).toBe(200)
    const repeated = await transition(url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    expect(repeated.status).toBe(409)
    expect(firstError(repeated.body).code).toBe('stale_state')
    const facts = await workflowFacts(app.payload, algorithm.id)
    expect(facts.transitionCount).toBe(1)
    expect(facts.transitionEvents).toHaveLength(1)
  })
})

describe('Local API performTransition', () => {
  it('takes the same steps with the same rules as the REST endpoint', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const submitted = await performTransition(await localRequest(app.payload, team.editor.user), {
      algorithmId: algorithm.id,
      action: 'submit',
      expectedState: 'concept',
    })
    expect(submitted).toMatchObject({ from: 'concept', to: 'ter_beoordeling', warnings: [] })

    const byEditor = performTransition(await localRequest(app.payload, team.editor.user), {
      algorithmId: algorithm.id,
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    await expect(byEditor).rejects.toBeInstanceOf(TransitionError)
    await expect(byEditor).rejects.toMatchObject({ status: 403, code: 'forbidden' })

    const approved = await performTransition(await localRequest(app.payload, team.reviewer.user), {
      algorithmId: algorithm.id,
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    expect(approved.to).toBe('gepubliceerd')
    expect(approved.revision?.revisionNumber).toBe(1)

    const repeated = performTransition(await localRequest(app.payload, team.reviewer.user), {
      algorithmId: algorithm.id,
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    await expect(repeated).rejects.toMatchObject({ status: 409, code: 'stale_state' })

    const facts = await workflowFacts(app.payload, algorithm.id)
    expect(facts).toMatchObject({ state: 'gepubliceerd', revisions: 1, projections: 1 })
    expect(facts.transitionEvents).toEqual([
      { action: 'submit', actorId: team.editor.user.id },
      { action: 'approve', actorId: team.reviewer.user.id },
    ])
  })

  it('joins a transaction the caller already opened and leaves committing to the caller', async () => {
    const algorithm = await draftAlgorithm(app.payload, team)
    const req = await localRequest(app.payload, team.editor.user)
    const { initTransaction, killTransaction } = await import('payload')
    await initTransaction(req)
    await performTransition(req, {
      algorithmId: algorithm.id,
      action: 'submit',
      expectedState: 'concept',
    })
    await killTransaction(req)
    expect((await workflowFacts(app.payload, algorithm.id)).state).toBe('concept')
  })
})

async function approveAs(person: Person, algorithm: Algorithm) {
  return transition(url, person.token, algorithm.id, {
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })
}
