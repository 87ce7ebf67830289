/**
 * The register's notion of "now". Tests that need a fixed or moving time replace it with
 * setClock; everything that stamps a time (audit events, review-due dates) reads it here.
 */
let current: () => Date = () => new Date()

export function now(): Date {
  return current()
}

/** Replaces the clock (tests only); returns a function that restores the previous one. */
export function setClock(clock: () => Date): () => void {
  const previous = current
  current = clock
  return () => {
    current = previous
  }
}
