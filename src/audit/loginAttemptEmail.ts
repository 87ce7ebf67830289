import { Kind, parse, type ValueNode } from 'graphql'

const MAX_LENGTH = 200

function normalise(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const email = value.trim().toLowerCase().slice(0, MAX_LENGTH)
  return email === '' ? null : email
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value)
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.STRING) return node.value
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  return undefined
}

/**
 * The e-mail address someone tried to log in with, from the request body as Payload parsed it:
 * `{ email }` for REST, or `{ query, variables }` for GraphQL (`loginUser(email: ...)`, written
 * out or as a variable). Lower-cased and trimmed as Payload does, cut to 200 characters because
 * it is typed by whoever is trying; null when there is none.
 */
export function loginAttemptEmail(data: unknown): string | null {
  if (!isRecord(data)) return null
  if (typeof data.email === 'string') return normalise(data.email)
  if (typeof data.query !== 'string') return null
  const variables = isRecord(data.variables) ? data.variables : {}
  let document
  try {
    document = parse(data.query)
  } catch (_error) {
    return null
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') {
      continue
    }
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || !selection.name.value.startsWith('login')) continue
      const argument = selection.arguments?.find((arg) => arg.name.value === 'email')
      if (argument) return normalise(valueOf(argument.value, variables))
    }
  }
  return null
}
