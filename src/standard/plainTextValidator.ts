import type { Validate } from 'payload'

import { localise, type Bilingual } from '../i18n/localise'
import { inputProblemMessage } from './inputMessages'
import { characterCount, findControlCharacter, findMarkup } from './textChecks'

/** Options of {@link plainTextValidator}. */
export interface PlainTextOptions {
  /** The field's name as editors see it, without "(verplicht)". */
  label: Bilingual
  /** Most characters (code points) accepted. */
  maxLength: number
  /** @default false */
  required?: boolean
  /**
   * Internal notes may quote an address such as "Jan <jan@noorderhaaks.nl>"; they are never
   * published. Every text that can become public refuses markup.
   * @default false
   */
  allowMarkup?: boolean
}

/** Why `value` is not acceptable plain text, naming the field; null when it is. */
export function plainTextProblem(value: unknown, options: PlainTextOptions): Bilingual | null {
  const { label, maxLength, required = false, allowMarkup = false } = options
  if (value === undefined || value === null || value === '') {
    return required ? inputProblemMessage(label, { kind: 'required' }) : null
  }
  if (typeof value !== 'string') {
    return inputProblemMessage(label, { kind: 'wrongType', expected: 'text' })
  }
  const control = findControlCharacter(value)
  if (control) return inputProblemMessage(label, { kind: 'controlCharacter', character: control })
  const length = characterCount(value)
  if (length > maxLength) {
    return inputProblemMessage(label, { kind: 'tooLong', actual: length, max: maxLength })
  }
  const markup = allowMarkup ? null : findMarkup(value)
  return markup ? inputProblemMessage(label, { kind: 'markup', found: markup }) : null
}

/**
 * The check for a plain-text field outside the publication standard (organisation details,
 * EU AI Act summaries, internal fields): text only, no control characters, bounded, and unless
 * allowed no markup, each refusal naming the field.
 */
export function plainTextValidator(options: PlainTextOptions): Validate {
  return (value: unknown, { req }) => {
    const problem = plainTextProblem(value, options)
    return problem ? localise(req, problem) : true
  }
}
