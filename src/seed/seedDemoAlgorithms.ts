import type { Payload } from 'payload'

import { htmlToLexical } from '../standard/richText'

export interface DemoIds {
  organisationIds: Map<string, number>
  userIds: Map<string, number>
}

/** A few example descriptions for Gemeente Noorderhaaks, written for the demo. */
export async function seedDemoAlgorithms(payload: Payload, ids: DemoIds): Promise<void> {
  const noorderhaaks = ids.organisationIds.get('gm9901') as number
  const editor = await payload.findByID({
    collection: 'users',
    id: ids.userIds.get('redacteur@noorderhaaks.example') as number,
    depth: 0,
    overrideAccess: true,
  })
  await payload.create({
    collection: 'algorithms',
    overrideAccess: false,
    user: editor,
    data: {
      name: 'Parkeervergunningen toekennen',
      organization: noorderhaaks,
      description_short:
        'Een computerprogramma kijkt of u recht hebt op een parkeervergunning. Het vergelijkt uw adres en kenteken met de regels van de gemeente.',
      category: ['Verkeer'],
      status: 'In gebruik',
      begin_date: '2021-03',
      contact_email: 'algoritmes@noorderhaaks.example',
      publication_category: 'Overige algoritmes',
      goal: htmlToLexical(
        '<p>Wij willen dat aanvragen voor een parkeervergunning snel en gelijk worden behandeld.</p><p>Het programma controleert of het adres in de vergunningzone ligt en of het kenteken op uw naam staat.</p>',
      ),
      human_intervention: htmlToLexical(
        '<p>Een medewerker bekijkt elke aanvraag die het programma afwijst, voordat u een besluit krijgt.</p>',
      ),
      internal_notes: 'Leverancier stuurt elk kwartaal een update. Contract loopt tot 2027.',
    },
  })
}
