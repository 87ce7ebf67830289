import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'

import { clearSentMail, sentMail, type SentMail } from '../../../src/email/mailOutbox'
import { completeDescription, createAlgorithmAs } from '../../support/algorithmFixtures'
import { createOrganisation } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createPerson,
  createWorkflowTeam,
  draftAlgorithm,
  queuedMailCount,
  runMailQueue,
  transition,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam
let counter = 0

beforeAll(async () => {
  app = await testApp()
  team = await createWorkflowTeam(app.payload, app.url)
  // Mails other test files left in the shared outbox are not this file's business.
  await runMailQueue(app.payload)
})

beforeEach(() => {
  clearSentMail()
})

afterAll(async () => {
  await closeTestApp()
})

/** A draft with a name no other test uses, so its mails can be told apart. */
async function uniqueDraft() {
  counter += 1
  const name = `Meldingen testen ${counter}`
  return { name, algorithm: await draftAlgorithm(app.payload, team, { name }) }
}

function mailsAbout(name: string): SentMail[] {
  return sentMail().filter((mail) => mail.subject.endsWith(`: ${name}`))
}

function recipients(mails: SentMail[]): string[] {
  return mails.map((mail) => mail.to).sort()
}

describe('notification e-mails', () => {
  it('submitting mails the reviewers, only after the outbox job runs', async () => {
    const { name, algorithm } = await uniqueDraft()
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    // Queued in the same transaction, sent by the job runner.
    expect(mailsAbout(name)).toEqual([])
    expect(await queuedMailCount(app.payload, team.reviewer.user.email)).toBeGreaterThan(0)
    await runMailQueue(app.payload)

    const mails = mailsAbout(name)
    expect(recipients(mails)).toEqual(
      [team.reviewer.user.email, team.secondReviewer.user.email].sort(),
    )
    for (const mail of mails) {
      expect(mail.subject).toBe(`Ter beoordeling: ${name}`)
      expect(mail.from).toBe('"Algoritmeregister" <noreply@algoritmeregister.local>')
      expect(mail.text).toContain(`Eva Redacteur heeft de beschrijving "${name}" ingediend.`)
      expect(mail.text).toContain('goedkeuren of met een opmerking terugzetten')
      expect(mail.text).toContain(
        `Open de beschrijving: http://localhost:3000/admin/collections/algorithms/${algorithm.id}`,
      )
      expect(mail.text).toContain(`algoritmeregister van ${team.organisation.name}`)
    }
  })

  it('a reviewer who submits is not mailed about their own submission', async () => {
    const { name, algorithm } = await uniqueDraft()
    await transition(app.url, team.secondReviewer.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    await runMailQueue(app.payload)
    expect(recipients(mailsAbout(name))).toEqual([team.reviewer.user.email])
  })

  it('approving mails the submitter', async () => {
    const { name, algorithm } = await uniqueDraft()
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    await runMailQueue(app.payload)
    clearSentMail()
    await transition(app.url, team.reviewer.token, algorithm.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    await runMailQueue(app.payload)
    const mails = mailsAbout(name)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({
      to: team.editor.user.email,
      subject: `Gepubliceerd: ${name}`,
    })
    expect(mails[0].text).toContain(
      `Gijs Goedkeurder heeft de beschrijving "${name}" goedgekeurd. Versie 1 staat nu in het openbare register.`,
    )
  })

  it('requesting changes mails the submitter with the comment', async () => {
    const { name, algorithm } = await uniqueDraft()
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    await runMailQueue(app.payload)
    clearSentMail()
    const comment = 'Schrijf erbij wie de planning controleert en hoe vaak.'
    await transition(app.url, team.secondReviewer.token, algorithm.id, {
      action: 'request_changes',
      expectedState: 'ter_beoordeling',
      comment,
    })
    await runMailQueue(app.payload)
    const mails = mailsAbout(name)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({
      to: team.editor.user.email,
      subject: `Aanpassen gevraagd: ${name}`,
    })
    expect(mails[0].text).toContain(
      `Greet Goedkeurder heeft de beschrijving "${name}" teruggezet met deze opmerking:\n\n"${comment}"`,
    )
    expect(mails[0].text).toContain('Pas de beschrijving aan en dien haar opnieuw in.')
  })

  it('a resubmission after publication tells the reviewers what changed', async () => {
    const { name, algorithm } = await uniqueDraft()
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    await transition(app.url, team.reviewer.token, algorithm.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    await app.payload.update({
      collection: 'algorithms',
      id: algorithm.id,
      data: { website: 'https://noorderhaaks.example/meldingen' },
      overrideAccess: false,
      user: team.editor.user,
    })
    await runMailQueue(app.payload)
    clearSentMail()
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
      changeSummary: 'Link naar de website toegevoegd.',
    })
    await runMailQueue(app.payload)
    const mails = mailsAbout(name)
    expect(mails).toHaveLength(2)
    expect(mails[0].text).toContain('Wat is er veranderd: Link naar de website toegevoegd.')
  })

  it('without a reviewer of its own, the platform admins hear of a submission', async () => {
    const organisation = await createOrganisation(app.payload)
    const editor = await createPerson(app.payload, app.url, {
      memberships: [{ organisation: organisation.id, role: 'redacteur' }],
    })
    const platformAdmin = await createPerson(app.payload, app.url, { isPlatformAdmin: true })
    const name = 'Meldingen zonder goedkeurder'
    const algorithm = await createAlgorithmAs(
      app.payload,
      editor.user,
      completeDescription(organisation.id, { name }),
    )
    await transition(app.url, editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    await runMailQueue(app.payload)
    const mails = mailsAbout(name)
    expect(mails.map((mail) => mail.to)).toContain(platformAdmin.user.email)
    expect(mails.map((mail) => mail.to)).not.toContain(editor.user.email)
  })

  it('nobody is mailed about their own step', async () => {
    const relaxed = await createWorkflowTeam(app.payload, app.url, { fourEyes: false })
    const name = 'Meldingen eigen werk'
    const algorithm = await createAlgorithmAs(
      app.payload,
      relaxed.reviewer.user,
      completeDescription(relaxed.organisation.id, { name }),
    )
    for (const step of [
      { action: 'submit', expectedState: 'concept' },
      { action: 'request_changes', expectedState: 'ter_beoordeling', comment: 'Zelf gezien.' },
      { action: 'submit', expectedState: 'teruggezet' },
      { action: 'approve', expectedState: 'ter_beoordeling' },
    ]) {
      expect((await transition(app.url, relaxed.reviewer.token, algorithm.id, step)).status).toBe(
        200,
      )
    }
    await runMailQueue(app.payload)
    const mails = mailsAbout(name)
    // The other reviewer hears of both submissions; the one who acted hears nothing.
    expect(recipients(mails)).toEqual([
      relaxed.secondReviewer.user.email,
      relaxed.secondReviewer.user.email,
    ])
  })

  it('withdrawing, archiving and reopening mail nobody', async () => {
    const { name, algorithm } = await uniqueDraft()
    await transition(app.url, team.editor.token, algorithm.id, {
      action: 'submit',
      expectedState: 'concept',
    })
    await transition(app.url, team.reviewer.token, algorithm.id, {
      action: 'approve',
      expectedState: 'ter_beoordeling',
    })
    await runMailQueue(app.payload)
    clearSentMail()
    const steps = [
      { action: 'withdraw', expectedState: 'gepubliceerd', reason: 'Gestopt.' },
      { action: 'archive', expectedState: 'gedepubliceerd' },
      { action: 'reopen', expectedState: 'gearchiveerd' },
    ]
    for (const step of steps) {
      expect((await transition(app.url, team.admin.token, algorithm.id, step)).status).toBe(200)
    }
    await runMailQueue(app.payload)
    expect(mailsAbout(name)).toEqual([])
  })
})
