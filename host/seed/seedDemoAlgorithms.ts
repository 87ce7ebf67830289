import { createLocalReq, type Payload } from 'payload'

import type { User } from '../../payload-types'
import { htmlToLexical } from '../../src/standard/richText'
import { performTransition, type TransitionCommand } from '../../src/workflow/transitionService'

export interface DemoIds {
  organisationIds: Map<string, number>
  userIds: Map<string, number>
}

async function userByEmail(payload: Payload, ids: DemoIds, email: string): Promise<User> {
  return payload.findByID({
    collection: 'users',
    id: ids.userIds.get(email) as number,
    depth: 0,
    overrideAccess: true,
  })
}

async function transition(payload: Payload, user: User, command: TransitionCommand): Promise<void> {
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  await performTransition(req, command)
}

/**
 * Example descriptions written for the demo, in different workflow states, created through the
 * same rules as real work: editors write, reviewers approve (four-eyes), and for the province
 * without a reviewer the platform admin approves.
 */
export async function seedDemoAlgorithms(payload: Payload, ids: DemoIds): Promise<void> {
  const noorderhaaks = ids.organisationIds.get('gm9901') as number
  const zuiderzeekust = ids.organisationIds.get('pv98') as number
  const editor = await userByEmail(payload, ids, 'redacteur@noorderhaaks.example')
  const reviewer = await userByEmail(payload, ids, 'goedkeurder@noorderhaaks.example')
  const provinceEditor = await userByEmail(payload, ids, 'redacteur@zuiderzeekust.example')
  const platformAdmin = await userByEmail(payload, ids, 'platform@algoritmeregister.example')

  const create = (user: User, data: Record<string, unknown>) =>
    payload.create({
      collection: 'algorithms',
      data: data as never,
      overrideAccess: false,
      user,
      depth: 0,
    })

  const parking = await create(editor, {
    name: 'Parkeervergunningen toekennen',
    organization: noorderhaaks,
    description_short:
      'Een computerprogramma kijkt of u recht hebt op een parkeervergunning. Het vergelijkt uw adres en kenteken met de regels van de gemeente.',
    category: ['Verkeer'],
    status: 'In gebruik',
    begin_date: '2021-03',
    contact_email: 'algoritmes@noorderhaaks.example',
    website: 'https://www.noorderhaaks.example/parkeren',
    publication_category: 'Overige algoritmes',
    goal: htmlToLexical(
      '<p>Wij willen dat aanvragen voor een parkeervergunning snel en op dezelfde manier worden behandeld.</p><p>Het programma controleert of het adres in de vergunningzone ligt en of het kenteken op uw naam staat.</p>',
    ),
    human_intervention: htmlToLexical(
      '<p>Een medewerker bekijkt elke aanvraag die het programma afwijst, voordat u een besluit krijgt.</p>',
    ),
    risks: htmlToLexical(
      '<ul><li>Een adres staat verkeerd in de basisregistratie.</li><li>Een kenteken is net overgeschreven.</li></ul>',
    ),
    lawful_basis_grouping: [
      { title: 'Wegenverkeerswet 1994', link: 'https://wetten.overheid.nl/BWBR0006622' },
    ],
    internal_notes: 'DEMO: leverancier stuurt elk kwartaal een update. Contract loopt tot 2027.',
  })
  await transition(payload, editor, {
    algorithmId: parking.id,
    action: 'submit',
    expectedState: 'concept',
  })
  await transition(payload, reviewer, {
    algorithmId: parking.id,
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })

  const benefits = await create(editor, {
    name: 'Aanvragen bijstand controleren op volledigheid',
    organization: noorderhaaks,
    description_short:
      'Een programma kijkt of uw aanvraag voor bijstand compleet is. Ontbreekt er iets, dan vraagt een medewerker u om dat op te sturen.',
    category: ['Sociale zekerheid'],
    status: 'In ontwikkeling',
    contact_email: 'https://www.noorderhaaks.example/contact',
    publication_category: 'Impactvolle algoritmes',
    goal: htmlToLexical('<p>Aanvragen sneller en eerlijker afhandelen.</p>'),
    human_intervention: htmlToLexical(
      '<p>Het programma beslist niets. Een consulent beoordeelt elke aanvraag.</p>',
    ),
    impacttoetsen_grouping: [{ title: 'Data Protection Impact Assessment (DPIA)', link: '' }],
  })
  await transition(payload, editor, {
    algorithmId: benefits.id,
    action: 'submit',
    expectedState: 'concept',
  })

  await create(editor, {
    name: 'Slimme verkeerslichten Havenweg',
    organization: noorderhaaks,
    description_short: 'Verkeerslichten die zelf kijken hoeveel auto’s en fietsers er wachten.',
    category: ['Verkeer'],
    status: 'In ontwikkeling',
  })

  const grants = await create(provinceEditor, {
    name: 'Subsidieaanvragen sorteren',
    organization: zuiderzeekust,
    description_short:
      'Een programma sorteert subsidieaanvragen op onderwerp, zodat de juiste afdeling ze behandelt. Het beslist niet over de subsidie.',
    category: ['Economie'],
    status: 'In gebruik',
    begin_date: '2023-09',
    contact_email: 'algoritmes@zuiderzeekust.example',
    publication_category: 'Overige algoritmes',
    goal: htmlToLexical('<p>Aanvragen komen sneller bij de juiste behandelaar.</p>'),
  })
  await transition(payload, provinceEditor, {
    algorithmId: grants.id,
    action: 'submit',
    expectedState: 'concept',
  })
  await transition(payload, platformAdmin, {
    algorithmId: grants.id,
    action: 'approve',
    expectedState: 'ter_beoordeling',
  })
}
