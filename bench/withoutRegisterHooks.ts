import type { Field, SanitizedConfig } from 'payload'

/** Removes hooks and access from fields (not rich text: its editor's hooks are Payload's). */
function stripFields(fields: Field[]): void {
  for (const field of fields) {
    const record = field as unknown as Record<string, unknown>
    if (field.type !== 'richText') delete record.hooks
    delete record.access
    if ('fields' in field && Array.isArray(field.fields)) stripFields(field.fields)
    if (field.type === 'tabs') for (const tab of field.tabs) stripFields(tab.fields)
    if (field.type === 'blocks') for (const block of field.blocks) stripFields(block.fields)
  }
}

/**
 * The algorithms collection without the register's own work on reads (collection hooks, field
 * hooks, field access): bench only, to measure the plugin's overhead on the same schema.
 */
export function withoutRegisterHooks(config: SanitizedConfig): SanitizedConfig {
  const algorithms = config.collections.find((collection) => collection.slug === 'algorithms')
  if (!algorithms) throw new Error('no algorithms collection')
  for (const key of Object.keys(algorithms.hooks) as Array<keyof typeof algorithms.hooks>)
    algorithms.hooks[key] = []
  stripFields(algorithms.fields)
  stripFields(algorithms.flattenedFields as unknown as Field[])
  return config
}
