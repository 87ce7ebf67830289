/**
 * The shape check every write goes through before Payload touches the data: each value has the
 * type its field declares, no string holds a control character or is absurdly long, rows and
 * nesting are bounded. Payload coerces or stores what it does not expect (a number in a text
 * field, a string where rows belong), crashes on some shapes (a string where a group belongs) and
 * lets PostgreSQL refuse NUL with a 500; this check refuses all of them first, naming the field.
 */
import type { FlattenedField } from 'payload'

import type { Bilingual } from '../i18n/localise'
import { inputProblemMessage, type ExpectedType, type InputProblem } from './inputMessages'
import {
  characterCount,
  findControlCharacter,
  MAX_NESTING,
  MAX_ROWS,
  MAX_TEXT_LENGTH,
} from './textChecks'

/** One refused value: its path (as Payload reports it) and the message. */
export interface InputError {
  path: string
  message: Bilingual
}

type Label = Bilingual

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const REQUIRED_SUFFIX = / \((verplicht|required)\)$/

/** The field's label in both languages, without "(verplicht)", or its name. */
export function labelOfField(field: { name?: string; label?: unknown }): Label {
  const label = field.label
  const name = field.name ?? ''
  if (typeof label === 'string') return { nl: label, en: label }
  if (isRecord(label) && typeof label.nl === 'string') {
    const en = typeof label.en === 'string' ? label.en : label.nl
    return { nl: label.nl.replace(REQUIRED_SUFFIX, ''), en: en.replace(REQUIRED_SUFFIX, '') }
  }
  return { nl: name, en: name }
}

const inRow = (inner: Label, outer: Label, row: number): Label => ({
  nl: `${inner.nl} (${outer.nl}, regel ${row})`,
  en: `${inner.en} (${outer.en}, row ${row})`,
})

const inGroup = (inner: Label, outer: Label): Label => ({
  nl: `${inner.nl} (${outer.nl})`,
  en: `${inner.en} (${outer.en})`,
})

const isId = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value)) ||
  (isRecord(value) && isId(value.id))

function stringProblem(value: string, max = MAX_TEXT_LENGTH): InputProblem | null {
  const character = findControlCharacter(value)
  if (character) return { kind: 'controlCharacter', character }
  if (value.length > max) {
    const actual = characterCount(value)
    if (actual > max) return { kind: 'tooLong', actual, max }
  }
  return null
}

/**
 * Checks every string (and object key) inside a JSON or rich-text value, iteratively so that
 * a deeply nested value cannot overflow the stack.
 */
function nestedProblem(value: unknown): InputProblem | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const next = stack.pop() as { value: unknown; depth: number }
    if (typeof next.value === 'string') {
      const problem = stringProblem(next.value)
      if (problem) return problem
      continue
    }
    if (typeof next.value !== 'object' || next.value === null) continue
    if (next.depth >= MAX_NESTING) return { kind: 'tooDeep', max: MAX_NESTING }
    const entries = Array.isArray(next.value)
      ? next.value.map((item) => ['', item] as const)
      : Object.entries(next.value)
    for (const [key, item] of entries) {
      const problem = key === '' ? null : stringProblem(key)
      if (problem) return problem
      stack.push({ value: item, depth: next.depth + 1 })
    }
  }
  return null
}

const optionValues = (field: { options?: unknown }): string[] | null => {
  if (!Array.isArray(field.options)) return null
  return field.options.map((option: unknown) =>
    isRecord(option) ? String(option.value) : String(option),
  )
}

function checkValue(
  field: FlattenedField,
  value: unknown,
  path: string,
  label: Label,
  errors: InputError[],
): void {
  const refuse = (problem: InputProblem): void => {
    errors.push({ path, message: inputProblemMessage(label, problem) })
  }
  const wrong = (expected: ExpectedType): void => refuse({ kind: 'wrongType', expected })
  if (value === undefined || value === null) return

  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      const many = 'hasMany' in field && field.hasMany === true
      const items = many ? value : [value]
      if (!Array.isArray(items)) return wrong('textList')
      for (const item of items) {
        if (typeof item !== 'string') return wrong(many ? 'textList' : 'text')
        const problem = stringProblem(item)
        if (problem) return refuse(problem)
      }
      return
    }
    case 'number': {
      const many = 'hasMany' in field && field.hasMany === true
      const items = many && Array.isArray(value) ? value : [value]
      for (const item of items) {
        const numeric =
          (typeof item === 'number' && Number.isFinite(item)) ||
          (typeof item === 'string' && (item.trim() === '' || Number.isFinite(Number(item.trim()))))
        if (!numeric) return wrong('number')
      }
      return
    }
    case 'checkbox':
      if (typeof value === 'boolean' || value === 'true' || value === 'false' || value === '')
        return
      return wrong('boolean')
    case 'date': {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return
      if (typeof value !== 'string') return wrong('date')
      const problem = stringProblem(value, 100)
      if (problem) return refuse(problem)
      if (value !== '' && Number.isNaN(new Date(value).getTime())) return wrong('date')
      return
    }
    case 'select':
    case 'radio': {
      const many = 'hasMany' in field && field.hasMany === true
      const items = many ? value : [value]
      if (!Array.isArray(items)) return wrong('choice')
      const permitted = optionValues(field)
      for (const item of items) {
        if (typeof item !== 'string') return wrong('choice')
        const problem = stringProblem(item)
        if (problem) return refuse(problem)
        if (permitted && item !== '' && !permitted.includes(item)) return wrong('choice')
      }
      return
    }
    case 'relationship':
    case 'upload': {
      if (Array.isArray(field.relationTo)) {
        const problem = nestedProblem(value)
        if (problem) refuse(problem)
        return
      }
      const many = 'hasMany' in field && field.hasMany === true
      if (many) {
        if (!Array.isArray(value) || !value.every(isId)) return wrong('referenceList')
        return
      }
      if (value === '' || isId(value)) return
      return wrong('reference')
    }
    case 'array': {
      // Payload's admin keeps an array's row count as its form value: a list without rows
      // arrives as 0, which Payload stores as no rows.
      if (value === 0) return
      if (!Array.isArray(value)) return wrong('rows')
      if (value.length > MAX_ROWS) {
        return refuse({ kind: 'tooManyRows', actual: value.length, max: MAX_ROWS })
      }
      value.forEach((row, index) => {
        if (row === null) return
        if (!isRecord(row)) {
          errors.push({
            path: `${path}.${index}`,
            message: inputProblemMessage(
              { nl: `${label.nl}, regel ${index + 1}`, en: `${label.en}, row ${index + 1}` },
              { kind: 'wrongType', expected: 'group' },
            ),
          })
          return
        }
        checkFields(field.flattenedFields, row, `${path}.${index}`, errors, (inner) =>
          inRow(inner, label, index + 1),
        )
      })
      return
    }
    case 'group':
    case 'tab': {
      if (!isRecord(value)) return wrong('group')
      checkFields(field.flattenedFields, value, path, errors, (inner) => inGroup(inner, label))
      return
    }
    case 'richText': {
      if (typeof value !== 'string' && !isRecord(value)) return wrong('richText')
      const problem = nestedProblem(value)
      if (problem) refuse(problem)
      return
    }
    default: {
      // json, point, blocks, join: their own validation decides the shape; strings and depth
      // are still bounded.
      const problem = nestedProblem(value)
      if (problem) refuse(problem)
    }
  }
}

function checkFields(
  fields: readonly FlattenedField[],
  data: Record<string, unknown>,
  prefix: string,
  errors: InputError[],
  describe: (label: Label) => Label,
): void {
  for (const field of fields) {
    if (!('name' in field) || typeof field.name !== 'string' || !(field.name in data)) continue
    const path = prefix ? `${prefix}.${field.name}` : field.name
    checkValue(field, data[field.name], path, describe(labelOfField(field)), errors)
  }
}

/**
 * The problems in `data` for a collection with `fields` (its flattened fields). Only keys that
 * are present are checked; `null` is left to the field's own required rule.
 */
export function checkInputShape(
  fields: readonly FlattenedField[],
  data: Record<string, unknown>,
): InputError[] {
  const errors: InputError[] = []
  checkFields(fields, data, '', errors, (label) => label)
  return errors
}
