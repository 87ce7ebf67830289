import type { Payload } from 'payload'

import type { Algorithm, User } from '../../payload-types'
import { htmlToLexical } from '../../src/standard/richText'

/** A complete, plain description for Gemeente Noorderhaaks (every required field filled). */
export function completeDescription(
  organisationId: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'Afvalinzameling plannen',
    organization: organisationId,
    description_short:
      'Een computerprogramma plant de routes van de vuilniswagens. Zo rijden de wagens minder kilometers.',
    category: ['Natuur en milieu'],
    status: 'In gebruik',
    begin_date: '2022-05',
    contact_email: 'algoritmes@noorderhaaks.example',
    publication_category: 'Overige algoritmes',
    goal: htmlToLexical('<p>Wij willen het afval op tijd ophalen en minder rijden.</p>'),
    human_intervention: htmlToLexical(
      '<p>Een planner kijkt elke week naar de routes en past ze aan.</p>',
    ),
    internal_notes: 'Intern: contract met leverancier loopt tot 2027.',
    ...overrides,
  }
}

/** Creates an algorithm as `user` (access rules apply). */
export async function createAlgorithmAs(
  payload: Payload,
  user: User,
  data: Record<string, unknown>,
): Promise<Algorithm> {
  return payload.create({
    collection: 'algorithms',
    data: data as never,
    overrideAccess: false,
    user,
    depth: 0,
  })
}
