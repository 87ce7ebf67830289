/** A change to the public projection, announced after the transaction that made it committed. */
export interface PublicChange {
  /** Algoritme-ID of the algorithm that was published, changed or withdrawn. */
  lars: string
}

/** Receives public changes. */
export type PublicChangeListener = (change: PublicChange) => void

interface Bus {
  listeners: Set<PublicChangeListener>
}

// The Next admin may load its own copy of this module: a global registry under a well-known
// symbol makes both copies share one set of listeners.
const BUS_KEY = Symbol.for('algoritmeregister.publicChangeBus')

function bus(): Bus {
  const holder = globalThis as unknown as Record<symbol, Bus | undefined>
  let found = holder[BUS_KEY]
  if (!found) {
    found = { listeners: new Set() }
    holder[BUS_KEY] = found
  }
  return found
}

/**
 * Tells every public API in this process that an algorithm's public record changed. Call it
 * right after the change committed; other processes hear of it through PostgreSQL NOTIFY.
 */
export function emitPublicChange(lars: string): void {
  for (const listener of [...bus().listeners]) {
    try {
      listener({ lars })
    } catch (_error) {
      // A failing listener must not undo or block a committed publication.
    }
  }
}

/** Subscribes to public changes in this process; returns the unsubscribe function. */
export function onPublicChange(listener: PublicChangeListener): () => void {
  const { listeners } = bus()
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
