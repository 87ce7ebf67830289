import { describe, expect, it } from '@jest/globals'
import type { Field } from 'payload'

import { addAdminAids, FIELD_AIDS_COMPONENT } from '../../../src/admin/config/addAdminAids'

function aidsOf(field: Field): unknown {
  const components = (field as { admin?: { components?: { afterInput?: unknown[] } } }).admin
    ?.components
  const entry = components?.afterInput?.find(
    (item) => (item as { path?: string }).path === FIELD_AIDS_COMPONENT,
  ) as { clientProps?: unknown } | undefined
  return entry?.clientProps
}

describe('addAdminAids', () => {
  const fields: Field[] = [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Algemeen',
          fields: [
            { name: 'name', type: 'text' },
            { name: 'description_short', type: 'textarea' },
            { name: 'website', type: 'text' },
            { name: 'internal_notes', type: 'textarea', maxLength: 5000 },
            {
              type: 'row',
              fields: [{ name: 'goal', type: 'richText' }],
            },
          ],
        },
      ],
    },
    { name: 'lars', type: 'text' },
  ]
  const result = addAdminAids(fields)
  const tab = (result[0] as { tabs: Array<{ fields: Field[] }> }).tabs[0].fields

  it('adds the standard limit and plain-language tips to the texts the public reads', () => {
    expect(aidsOf(tab[1])).toEqual({ maxLength: 400, analyse: true, lengthRule: 'characters' })
    expect(aidsOf((tab[4] as { fields: Field[] }).fields[0])).toEqual({
      maxLength: 2500,
      analyse: true,
      lengthRule: 'characters',
    })
  })

  it('counts without tips where the standard asks no plain language', () => {
    expect(aidsOf(tab[0])).toEqual({ maxLength: 100, analyse: false, lengthRule: 'characters' })
    expect(aidsOf(tab[3])).toEqual({ maxLength: 5000, analyse: false, lengthRule: 'characters' })
  })

  it('leaves links and fields without a limit alone', () => {
    expect(aidsOf(tab[2])).toBeUndefined()
    expect(aidsOf(result[1])).toBeUndefined()
  })

  it('does not change the input', () => {
    expect(
      aidsOf((fields[0] as { tabs: Array<{ fields: Field[] }> }).tabs[0].fields[1]),
    ).toBeUndefined()
  })
})
