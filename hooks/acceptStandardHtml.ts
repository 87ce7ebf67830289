import type { FieldHook } from 'payload'

import { throwFieldErrors } from '../src/errors/throwFieldErrors'
import type { StandardKey } from '../src/standard/publicationStandard'
import {
  findDisallowedHtml,
  findDisallowedLexical,
  htmlToLexical,
  normaliseLexical,
  TOO_DEEP,
} from '../src/standard/richText'
import { fieldError } from '../src/standard/validators'

/**
 * Long texts may arrive as the standard's HTML (API clients, imports) or as editor JSON. HTML is
 * checked against the standard's tags (script, iframe, style, attributes are refused with the
 * field's name) and converted; editor JSON loses formatting the standard has no place for.
 * Input nested deeper than the standard allows is refused here, before Payload walks it.
 */
export function acceptStandardHtml(key: StandardKey): FieldHook {
  return ({ value, req }) => {
    if (typeof value === 'string') {
      if (value.trim() === '') return null
      const problems = findDisallowedHtml(value)
      if (problems.length > 0) {
        throwFieldErrors(req, 'algorithms', [
          { path: key, message: fieldError(key, 'disallowedHtml', { found: problems }) },
        ])
      }
      return htmlToLexical(value)
    }
    if (value && typeof value === 'object') {
      const problems = findDisallowedLexical(value)
      if (problems.length === 0) return normaliseLexical(value)
      // Payload copies the document recursively after this hook; refuse too-deep input here.
      if (problems.includes(TOO_DEEP)) {
        throwFieldErrors(req, 'algorithms', [
          { path: key, message: fieldError(key, 'disallowedHtml', { found: [TOO_DEEP] }) },
        ])
      }
    }
    return value
  }
}
