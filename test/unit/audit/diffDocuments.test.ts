import { describe, expect, it } from '@jest/globals'

import { diffDocuments } from '../../../src/audit/diffDocuments'
import { presentForAudit } from '../../../src/audit/presentForAudit'
import { htmlToLexical } from '../../../src/standard/richText'

describe('diffDocuments', () => {
  it('lists changed fields with before and after, sorted by name', () => {
    expect(
      diffDocuments(
        { name: 'Oud', status: 'In gebruik', website: 'https://a.example' },
        { name: 'Nieuw', status: 'In gebruik', website: 'https://b.example' },
      ),
    ).toEqual([
      { field: 'name', before: 'Oud', after: 'Nieuw' },
      { field: 'website', before: 'https://a.example', after: 'https://b.example' },
    ])
  })

  it('records nothing when nothing changed', () => {
    const doc = { name: 'Zelfde', tags: ['a', 'b'], settings: { fourEyes: true } }
    expect(diffDocuments(doc, structuredClone(doc))).toEqual([])
  })

  it('treats undefined, null, empty text and an empty list as the same', () => {
    expect(
      diffDocuments(
        { a: undefined, b: null, c: '', d: [] },
        { a: null, b: '', c: [], d: undefined },
      ),
    ).toEqual([])
  })

  it('writes an emptied value as null', () => {
    expect(diffDocuments({ url: 'https://x.example' }, { url: '' })).toEqual([
      { field: 'url', before: 'https://x.example', after: null },
    ])
  })

  it('compares groups per sub-field with a dotted path', () => {
    expect(
      diffDocuments(
        { settings: { fourEyes: true, reviewIntervalMonths: 12 } },
        { settings: { fourEyes: false, reviewIntervalMonths: 12 } },
      ),
    ).toEqual([{ field: 'settings.fourEyes', before: true, after: false }])
  })

  it('shows a populated relationship as its id, also inside array rows', () => {
    const organisation = (id: number) => ({ id, name: `Org ${id}`, createdAt: '2026-01-01' })
    expect(
      diffDocuments(
        {
          organization: organisation(1),
          memberships: [{ id: 'r1', organisation: organisation(1), role: 'redacteur' }],
        },
        { organization: 2, memberships: [{ id: 'r9', organisation: 2, role: 'auditor' }] },
      ),
    ).toEqual([
      {
        field: 'memberships',
        before: [{ organisation: 1, role: 'redacteur' }],
        after: [{ organisation: 2, role: 'auditor' }],
      },
      { field: 'organization', before: 1, after: 2 },
    ])
  })

  it('ignores the generated row ids of arrays', () => {
    expect(
      diffDocuments(
        { links: [{ id: 'aaa', title: 'Wet', link: 'https://wetten.example' }] },
        { links: [{ id: 'bbb', title: 'Wet', link: 'https://wetten.example' }] },
      ),
    ).toEqual([])
  })

  it('shows rich text as HTML through present', () => {
    const changes = diffDocuments(
      { goal: htmlToLexical('<p>Oud doel.</p>') },
      { goal: htmlToLexical('<p>Nieuw doel.</p>') },
      { present: presentForAudit },
    )
    expect(changes).toEqual([
      { field: 'goal', before: '<p>Oud doel.</p>', after: '<p>Nieuw doel.</p>' },
    ])
  })

  it('skips ignored fields, at the top level and by name deeper down', () => {
    expect(
      diffDocuments(
        { updatedAt: '1', hash: 'x', group: { id: 1, value: 'a' } },
        { updatedAt: '2', hash: 'y', group: { id: 2, value: 'a' } },
        { ignore: ['updatedAt', 'hash', 'id'] },
      ),
    ).toEqual([])
  })

  it('lists every field of a new document (create) and of a removed one (delete)', () => {
    expect(diffDocuments({}, { name: 'Nieuw', status: 'In ontwikkeling' })).toEqual([
      { field: 'name', before: null, after: 'Nieuw' },
      { field: 'status', before: null, after: 'In ontwikkeling' },
    ])
    expect(diffDocuments({ name: 'Weg' }, {})).toEqual([
      { field: 'name', before: 'Weg', after: null },
    ])
  })
})
