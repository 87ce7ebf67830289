import type { CollectionConfig } from 'payload'

/** A collection with its schema only: for `enabled: false`, no hooks and no endpoints. */
export function withoutBehaviour(collection: CollectionConfig): CollectionConfig {
  return { ...collection, hooks: {}, endpoints: [] }
}
