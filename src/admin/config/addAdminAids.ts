import type { Field } from 'payload'

import { ANALYSED_FIELDS } from '../../plainLanguage/analyseAlgorithmTexts'
import { ADMIN_COMPONENTS } from '../../plugin/adminComponents'
import { publicationStandard, type StandardKey } from '../../standard/publicationStandard'

/** Import-map path of the component under each text field. */
export const FIELD_AIDS_COMPONENT = ADMIN_COMPONENTS.FieldAids

const TEXT_TYPES = new Set(['text', 'textarea', 'richText'])

function isStandardKey(name: string): name is StandardKey {
  return name in publicationStandard
}

function limitOf(field: Field & { name: string; maxLength?: number }): number | null {
  if (isStandardKey(field.name)) {
    // Links, dates and e-mail addresses have limits too, but nobody runs into them.
    const { kind, maxLength } = publicationStandard[field.name]
    return kind === 'text' || kind === 'richText' ? maxLength : null
  }
  return typeof field.maxLength === 'number' ? field.maxLength : null
}

function withAids(field: Field): Field {
  if (!('name' in field) || !TEXT_TYPES.has(field.type)) return field
  if ('hasMany' in field && field.hasMany) return field
  const named = field as Field & { name: string; maxLength?: number }
  const maxLength = limitOf(named)
  const analyse = isStandardKey(named.name) && ANALYSED_FIELDS.includes(named.name)
  if (maxLength === null && !analyse) return field
  const admin = (named.admin ?? {}) as Record<string, unknown>
  const components = (admin.components ?? {}) as Record<string, unknown>
  if (components.Field) return field
  const existing = components.afterInput
  const afterInput = [
    ...(Array.isArray(existing) ? existing : existing ? [existing] : []),
    {
      path: FIELD_AIDS_COMPONENT,
      clientProps: {
        maxLength,
        analyse,
        // Tags are counted like the standard's rich text: without HTML tags.
        lengthRule: named.name === 'tags' ? 'withoutHtml' : 'characters',
      },
    },
  ]
  return { ...named, admin: { ...admin, components: { ...components, afterInput } } } as Field
}

/**
 * Adds the character count and, for the texts the public reads, the plain-language tips under
 * every text field with a limit, inside tabs, rows and groups. Admin-only: the database schema
 * and validation stay exactly as they were.
 */
export function addAdminAids(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: addAdminAids(tab.fields) })),
      }
    }
    if (field.type === 'row' || field.type === 'collapsible' || field.type === 'group') {
      return { ...field, fields: addAdminAids(field.fields) } as Field
    }
    return withAids(field)
  })
}
