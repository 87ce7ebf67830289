import { describe, expect, it } from '@jest/globals'

import { arrangeOrganisations } from '../../../src/admin/dashboard/arrangeOrganisations'

const rows = [
  { id: 1, name: 'Gemeente Zwolle' },
  { id: 2, name: 'Gemeente Almere' },
  { id: 3, name: 'Éénmalige dienst' },
  { id: 4, name: 'Gemeente Noorderhaaks' },
  { id: 5, name: 'Provincie Drenthe' },
]

describe('arrangeOrganisations', () => {
  it('puts the own organisations first, then the rest in Dutch order', () => {
    const page = arrangeOrganisations(rows, { mine: [4, 1], pageSize: 10 })
    expect(page.rows.map((row) => row.id)).toEqual([4, 1, 3, 2, 5])
    expect(page.mineCount).toBe(2)
  })

  it('pages the rows and clamps the page number', () => {
    const second = arrangeOrganisations(rows, { mine: [], pageSize: 2, page: 2 })
    expect(second.rows.map((row) => row.name)).toEqual(['Gemeente Noorderhaaks', 'Gemeente Zwolle'])
    expect(second.pageCount).toBe(3)
    expect(arrangeOrganisations(rows, { mine: [], pageSize: 2, page: 99 }).page).toBe(3)
    expect(arrangeOrganisations(rows, { mine: [], pageSize: 2, page: 0 }).page).toBe(1)
  })

  it('searches parts of names, ignoring case and accents', () => {
    const found = arrangeOrganisations(rows, { mine: [5], pageSize: 10, query: 'eenmal' })
    expect(found.rows.map((row) => row.id)).toEqual([3])
    expect(found.matching).toBe(1)
    expect(arrangeOrganisations(rows, { mine: [], pageSize: 10, query: 'GEMEENTE' }).matching).toBe(
      3,
    )
    const none = arrangeOrganisations(rows, { mine: [], pageSize: 10, query: 'waterschap' })
    expect(none.rows).toEqual([])
    expect(none.pageCount).toBe(1)
  })
})
