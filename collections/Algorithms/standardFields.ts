import type { Field, FieldHook, PayloadRequest, Validate } from 'payload'

import { acceptStandardHtml } from '../../hooks/acceptStandardHtml'
import { localise } from '../../src/i18n/localise'
import { ADMIN_COMPONENTS } from '../../src/plugin/adminComponents'
import {
  publicationStandard,
  type StandardFieldDefinition,
  type StandardKey,
} from '../../src/standard/publicationStandard'
import {
  findDisallowedHtml,
  findDisallowedLexical,
  lexicalToHtml,
  strippedLength,
} from '../../src/standard/richText'
import {
  fieldError,
  isEmailOrUrl,
  isHttpUrl,
  isYearMonth,
  type FieldErrorParams,
  type FieldProblem,
} from '../../src/standard/validators'
import { findMarkup } from '../../src/standard/textChecks'
import { restrictedEditor } from './restrictedEditor'

const refuse = (
  req: PayloadRequest,
  key: StandardKey,
  problem: FieldProblem,
  params: FieldErrorParams = {},
) => localise(req, fieldError(key, problem, params))

const blank = (value: unknown) => value === undefined || value === null || value === ''

// The standard's limits count characters (code points), as the national register does; a
// JavaScript string's length counts UTF-16 units, so an emoji would count twice.
const characters = (value: string) => Array.from(value).length

/**
 * Field label in both languages. Required-ness is not part of the label: labels are reused in
 * list columns, search and filters. Payload marks `required` fields; the standard's other
 * required fields get the same marker through a label component.
 */
function labelOf(definition: StandardFieldDefinition) {
  return { nl: definition.title.nl, en: definition.title.en }
}

function validateText(key: StandardKey, requiredOnSave: boolean): Validate {
  const { maxLength } = publicationStandard[key]
  return (value: unknown, { req }) => {
    if (blank(value)) return requiredOnSave ? refuse(req, key, 'required') : true
    if (typeof value !== 'string') return refuse(req, key, 'notPermitted')
    if (maxLength !== null && characters(value) > maxLength) {
      return refuse(req, key, 'tooLong', { actual: characters(value) })
    }
    const markup = findMarkup(value)
    if (markup) return refuse(req, key, 'markup', { found: [markup] })
    return true
  }
}

function validateRichText(key: StandardKey): Validate {
  const { maxLength } = publicationStandard[key]
  return (value: unknown, { req }) => {
    if (blank(value)) return true
    const problems = findDisallowedLexical(value)
    if (problems.length > 0) return refuse(req, key, 'disallowedHtml', { found: problems })
    const length = strippedLength(lexicalToHtml(value))
    if (maxLength !== null && length > maxLength)
      return refuse(req, key, 'tooLong', { actual: length })
    return true
  }
}

function validateEnum(key: StandardKey, many: boolean): Validate {
  const permitted = (publicationStandard[key].permittedValues ?? []).map((option) => option.value)
  return (value: unknown, { req }) => {
    if (blank(value)) return true
    const values = many ? value : [value]
    if (!Array.isArray(values)) return refuse(req, key, 'notPermitted')
    for (const item of values) {
      if (typeof item !== 'string' || !permitted.includes(item)) {
        return refuse(req, key, 'notPermitted', { value: String(item) })
      }
    }
    if (many && new Set(values).size !== values.length) {
      return localise(req, {
        nl: `${publicationStandard[key].title.nl}: elke waarde mag maar één keer voorkomen.`,
        en: `${publicationStandard[key].title.en}: each value may appear only once.`,
      })
    }
    return true
  }
}

function validateUrl(key: StandardKey, emailAllowed: boolean): Validate {
  const { maxLength } = publicationStandard[key]
  return (value: unknown, { req }) => {
    if (blank(value)) return true
    if (typeof value !== 'string')
      return refuse(req, key, emailAllowed ? 'badEmailOrUrl' : 'badUrl')
    if (maxLength !== null && characters(value) > maxLength) {
      return refuse(req, key, 'tooLong', { actual: characters(value) })
    }
    const ok = emailAllowed ? isEmailOrUrl(value) : isHttpUrl(value)
    return ok ? true : refuse(req, key, emailAllowed ? 'badEmailOrUrl' : 'badUrl')
  }
}

function validateYearMonth(key: StandardKey): Validate {
  return (value: unknown, { req, data }) => {
    if (blank(value)) return true
    if (typeof value !== 'string' || !isYearMonth(value)) return refuse(req, key, 'badYearMonth')
    if (key === 'end_date') {
      const begin = (data as { begin_date?: unknown } | undefined)?.begin_date
      if (typeof begin === 'string' && isYearMonth(begin) && value < begin) {
        return refuse(req, key, 'endBeforeBegin', { begin, end: value })
      }
    }
    return true
  }
}

const validateTags: Validate = (value: unknown, { req }) => {
  if (blank(value)) return true
  if (typeof value !== 'string') return refuse(req, 'tags', 'notPermitted')
  const problems = findDisallowedHtml(value)
  if (problems.length > 0) return refuse(req, 'tags', 'disallowedHtml', { found: problems })
  const length = strippedLength(value)
  const max = publicationStandard.tags.maxLength
  if (max !== null && length > max) return refuse(req, 'tags', 'tooLong', { actual: length })
  return true
}

/** Trims surrounding whitespace of plain text values; editors paste a lot of it. */
const trimText: FieldHook = ({ value }) => (typeof value === 'string' ? value.trim() : value)

// The standard sets no limit for the title of an impact assessment; the register bounds it like
// the other titles of link lists so that a client cannot store a whole document in it.
const UNLIMITED_TITLE_MAX = 500

function linkPartValidator(key: StandardKey, part: 'title' | 'link'): Validate {
  const definition = publicationStandard[key].items?.[part]
  return (value: unknown, { req, path }) => {
    // Payload passes the path as strings ('lawful_basis_grouping', '1', 'title'); the row index
    // is the numeric segment.
    const row = path.find((segment) => /^\d+$/.test(String(segment)))
    const item = Number(row ?? 0) + 1
    if (blank(value)) {
      return definition?.required ? refuse(req, key, 'required', { part, item }) : true
    }
    if (typeof value !== 'string')
      return refuse(req, key, part === 'link' ? 'badUrl' : 'notPermitted', { part, item })
    const max = definition?.maxLength ?? UNLIMITED_TITLE_MAX
    if (characters(value) > max) {
      return refuse(req, key, 'tooLong', { actual: characters(value), max, part, item })
    }
    if (part === 'link') {
      return isHttpUrl(value) ? true : refuse(req, key, 'badUrl', { part, item })
    }
    const markup = findMarkup(value)
    if (markup) return refuse(req, key, 'markup', { found: [markup], part, item })
    return true
  }
}

function description(definition: StandardFieldDefinition) {
  return { nl: definition.help.nl, en: definition.help.en }
}

/** The Payload field for one key of the publication standard (not the system fields). */
export function standardField(key: StandardKey): Field {
  const definition = publicationStandard[key]
  const base = {
    name: key,
    label: labelOf(definition),
    admin: { description: description(definition) },
  }
  switch (definition.kind) {
    case 'text':
      return {
        ...base,
        type: key === 'description_short' ? 'textarea' : 'text',
        required: key === 'name',
        hooks: { beforeValidate: [trimText] },
        validate: validateText(key, key === 'name'),
        admin: {
          ...base.admin,
          // `name` is required on every save and gets Payload's marker by itself; the standard's
          // other required texts may stay empty in a draft but get the same marker.
          ...(definition.required && key !== 'name'
            ? { components: { Label: ADMIN_COMPONENTS.RequiredLabel } }
            : {}),
          custom: {
            maxLength: definition.maxLength,
            plainLanguage: definition.plainLanguageRequired,
          },
        },
      } as Field
    case 'richText':
      if (key === 'tags') {
        // A comma-separated list of search terms: the standard allows its HTML, but an editor
        // for paragraphs and lists would only get in the way.
        return {
          ...base,
          type: 'textarea',
          hooks: { beforeValidate: [trimText] },
          validate: validateTags,
          admin: { ...base.admin, custom: { maxLength: definition.maxLength } },
        } as Field
      }
      return {
        ...base,
        type: 'richText',
        editor: restrictedEditor,
        hooks: { beforeValidate: [acceptStandardHtml(key)] },
        validate: validateRichText(key),
        admin: {
          ...base.admin,
          // Lexical's default placeholder advertises "/" commands this editor does not have.
          placeholder: { nl: 'Typ hier de tekst', en: 'Type the text here' },
          custom: {
            maxLength: definition.maxLength,
            plainLanguage: definition.plainLanguageRequired,
          },
        },
      } as Field
    case 'enum':
    case 'multiEnum': {
      const many = definition.kind === 'multiEnum'
      const options = (definition.permittedValues ?? []).map((option) => ({
        value: option.value,
        label: { nl: option.value, en: option.en },
      }))
      return {
        ...base,
        type: 'text',
        hasMany: many,
        hooks: { beforeValidate: [trimText] },
        validate: validateEnum(key, many),
        admin: {
          ...base.admin,
          components: {
            Field: {
              path: ADMIN_COMPONENTS.StandardSelectField,
              clientProps: { options, hasMany: many, required: definition.required },
            },
          },
        },
      } as Field
    }
    case 'links':
      return {
        ...base,
        type: 'array',
        labels: {
          singular: { nl: 'Verwijzing', en: 'Reference' },
          plural: { nl: 'Verwijzingen', en: 'References' },
        },
        fields: (['title', 'link'] as const).map((part) => {
          const partDefinition = definition.items?.[part]
          return {
            name: part,
            type: 'text',
            label: partDefinition
              ? { nl: partDefinition.title.nl, en: partDefinition.title.en }
              : part,
            hooks: { beforeValidate: [trimText] },
            validate: linkPartValidator(key, part),
            admin: partDefinition
              ? { description: { nl: partDefinition.help.nl, en: partDefinition.help.en } }
              : {},
          } as Field
        }),
      } as Field
    case 'yearMonth':
      return {
        ...base,
        type: 'text',
        hooks: { beforeValidate: [trimText] },
        validate: validateYearMonth(key),
        admin: { ...base.admin, placeholder: 'jjjj-mm' },
      } as Field
    case 'emailOrUrl':
    case 'url':
      return {
        ...base,
        type: 'text',
        hooks: { beforeValidate: [trimText] },
        validate: validateUrl(key, definition.kind === 'emailOrUrl'),
        admin: {
          ...base.admin,
          placeholder: definition.kind === 'url' ? 'https://' : undefined,
          ...(definition.required ? { components: { Label: ADMIN_COMPONENTS.RequiredLabel } } : {}),
        },
      } as Field
    default:
      throw new Error(`standardField: ${key} (${definition.kind}) is a system field`)
  }
}

/** Validator for the standard's `lang` (only 'nld' today). */
export const validateLang = validateEnum('lang', false)
