import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'

import { aanleverApiDocument } from './aanleverApiDocument'

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'])

/**
 * The published document decorates its schemas with the register's own annotations (help
 * texts, `max_length_without_html`) and writes `"type": "enum"` beside `$ref`s, which is no JSON
 * Schema type. Annotations are harmless (Ajv runs non-strict); the false types are dropped so
 * the `$ref` decides, as the register's own (pydantic) validation does.
 */
function withoutFalseTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutFalseTypes)
  if (!node || typeof node !== 'object') return node
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' && typeof value === 'string' && !JSON_TYPES.has(value)) continue
    result[key] = withoutFalseTypes(value)
  }
  // `{ anyOf: [string, null], type: 'string' }` would refuse null although the anyOf allows it.
  if (Array.isArray(result.anyOf) && typeof result.type === 'string') delete result.type
  return result
}

const SCHEMA_ID = 'https://algoritmeregister.local/aanleverapi-v1_0.json'

let compiled: Ajv2020 | undefined

function ajv(): Ajv2020 {
  if (compiled) return compiled
  const instance = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  const components = (aanleverApiDocument.components ?? {}) as Record<string, unknown>
  instance.addSchema({ $id: SCHEMA_ID, components: withoutFalseTypes(components) })
  compiled = instance
  return instance
}

const validators = new Map<string, ValidateFunction>()

/** The validator of one schema of the document (`#/components/schemas/<name>`). */
export function schemaValidator(name: string): ValidateFunction {
  let validator = validators.get(name)
  if (!validator) {
    const found = ajv().getSchema(`${SCHEMA_ID}#/components/schemas/${name}`)
    if (!found) throw new Error(`aanleverapi: no schema ${name}`)
    validator = found
    validators.set(name, validator)
  }
  return validator
}

/** One readable line per schema violation: the path of the value and what is wrong. */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '(body)'
    return `${where}: ${error.message ?? error.keyword}`
  })
}

/**
 * Checks a submission body (`AlgorithmIn`) against the OpenAPI document. Returns the
 * violations; an empty list means the national register's contract accepts it.
 */
export function validateAlgorithmIn(body: unknown): string[] {
  const validate = schemaValidator('AlgorithmIn')
  return validate(body) ? [] : describeSchemaErrors(validate.errors)
}
