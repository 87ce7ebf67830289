import { validations, type Field, type Validate } from 'payload'

import { localise } from '../i18n/localise'
import { labelOfField } from './checkInputShape'

type ValidationFunction = (value: unknown, options: unknown) => unknown

const defaultValidator = (type: string): ValidationFunction | undefined =>
  (validations as unknown as Record<string, ValidationFunction | undefined>)[type]

function named(field: Field & { name: string }): Validate {
  const own = (field as { validate?: ValidationFunction }).validate ?? defaultValidator(field.type)
  const label = labelOfField(field as { name: string; label?: unknown })
  return async (value: unknown, options) => {
    if (!own) return true
    const result = await own(value, options)
    if (typeof result !== 'string') return true
    const name = localise(options.req, label)
    const mentioned = [label.nl, label.en, field.name].some((text) =>
      result.toLocaleLowerCase('nl').includes(text.toLocaleLowerCase('nl')),
    )
    return mentioned ? result : `${name}: ${result}`
  }
}

/**
 * Payload's own messages ("Dit veld is verplicht.", "Deze waarde moet korter zijn …") do not say
 * which field they are about; REST and GraphQL clients see them without the form around them.
 * This wraps every data field's check (its own or Payload's default) so that a message that
 * does not name the field starts with the field's label.
 */
export function withFieldNamedMessages(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withFieldNamedMessages(tab.fields) })),
      }
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      return { ...field, fields: withFieldNamedMessages(field.fields) }
    }
    if (field.type === 'ui' || !('name' in field)) return field
    const nested =
      field.type === 'group' || field.type === 'array'
        ? { fields: withFieldNamedMessages(field.fields) }
        : {}
    return { ...field, ...nested, validate: named(field) } as Field
  })
}
