import { auditHashContent, computeAuditHash, GENESIS_HASH } from './auditHash'

/** The first place where the stored history no longer fits its chain. */
export interface ChainBreak {
  sequence: number
  id: number | string | undefined
  /**
   * gap: a sequence number is missing (an event was deleted); previous-hash: the event does not
   * point at its predecessor's hash (the predecessor was changed and re-hashed, or removed);
   * hash: the event's content no longer gives its hash (edited); anchor: a head kept elsewhere
   * does not match (the tail was cut off, or the whole chain after it was rewritten).
   */
  problem: 'gap' | 'previous-hash' | 'hash' | 'anchor'
  /** Dutch explanation, as the CLI prints it. */
  message: string
  /** The same explanation in English. */
  messageEn: string
}

/** Outcome of a verification run. */
export interface ChainReport {
  checked: number
  ok: boolean
  firstBreak?: ChainBreak
  lastSequence: number
  lastHash: string
}

/** A chain head kept outside the database: the sequence and hash of one event. */
export interface ChainAnchor {
  sequence: number
  hash: string
}

/** Where to start and what to check the chain against. */
export interface ChainVerifierOptions {
  /**
   * Start in the middle of the chain (an export of a period): the first event is expected to
   * have this sequence and point at this hash. Default: sequence 1 and the genesis hash.
   */
  start?: { sequence: number; previousHash: string }
  /** A head saved earlier (e.g. printed by a previous run): must still be in the chain. */
  anchor?: ChainAnchor
}

/** Just the linking part of an event (exports give this for events the reader may not see). */
export interface ChainLink {
  sequence: number
  previousHash: string
  hash: string
}

/**
 * Walks events in sequence order and reports the first one that does not fit the chain:
 * a missing sequence number (deleted event), a link to the wrong predecessor, or content that
 * no longer matches its hash (edited event). Feed it pages in order; it keeps its position.
 */
export class AuditChainVerifier {
  private expectedSequence: number
  private previousHash: string
  private checked = 0
  private firstBreak: ChainBreak | undefined
  private readonly anchor: ChainAnchor | undefined

  constructor(options: ChainVerifierOptions = {}) {
    this.expectedSequence = options.start?.sequence ?? 1
    this.previousHash = options.start?.previousHash ?? GENESIS_HASH
    this.anchor = options.anchor
  }

  /** Checks the next events (sorted by sequence). Returns false once a break is found. */
  feed(events: Array<Record<string, unknown>>): boolean {
    for (const event of events) {
      if (!this.step(event, true)) return false
    }
    return !this.firstBreak
  }

  /**
   * Checks the position and link of an event whose content is not available (only sequence,
   * previousHash and hash). Its own hash cannot be recomputed, but a changed predecessor or a
   * missing event still shows.
   */
  feedLink(link: ChainLink): boolean {
    return this.step(link as unknown as Record<string, unknown>, false)
  }

  private step(event: Record<string, unknown>, withContent: boolean): boolean {
    if (this.firstBreak) return false
    const sequence = Number(event.sequence)
    const id = event.id as number | string | undefined
    const named = id === undefined ? `${sequence}` : `${sequence} (id ${id})`
    this.checked += 1
    if (sequence !== this.expectedSequence) {
      const expected = this.expectedSequence
      this.firstBreak =
        sequence > expected
          ? {
              sequence,
              id,
              problem: 'gap',
              message: `Gebeurtenis ${expected} ontbreekt: na ${expected - 1} volgt ${sequence}. Er is een gebeurtenis verwijderd.`,
              messageEn: `Event ${expected} is missing: ${sequence} follows ${expected - 1}. An event was deleted.`,
            }
          : {
              sequence,
              id,
              problem: 'gap',
              message: `Gebeurtenis ${named} staat niet op zijn plaats: verwacht was volgnummer ${expected}.`,
              messageEn: `Event ${named} is out of place: sequence ${expected} was expected.`,
            }
      return false
    }
    if (event.previousHash !== this.previousHash) {
      this.firstBreak = {
        sequence,
        id,
        problem: 'previous-hash',
        message: `Gebeurtenis ${named} verwijst niet naar de hash van gebeurtenis ${sequence - 1}. Die is veranderd of vervangen.`,
        messageEn: `Event ${named} does not point at the hash of event ${sequence - 1}. That event was changed or replaced.`,
      }
      return false
    }
    if (withContent && !this.hashMatches(event)) {
      this.firstBreak = {
        sequence,
        id,
        problem: 'hash',
        message: `De inhoud van gebeurtenis ${named} is gewijzigd: de hash klopt niet meer.`,
        messageEn: `The content of event ${named} was changed: its hash no longer matches.`,
      }
      return false
    }
    if (this.anchor && sequence === this.anchor.sequence && event.hash !== this.anchor.hash) {
      this.firstBreak = {
        sequence,
        id,
        problem: 'anchor',
        message: `Gebeurtenis ${named} heeft niet de hash die eerder is bewaard. De geschiedenis vanaf hier is herschreven.`,
        messageEn: `Event ${named} does not have the hash saved earlier. The history from here on was rewritten.`,
      }
      return false
    }
    this.previousHash = String(event.hash)
    this.expectedSequence = sequence + 1
    return true
  }

  private hashMatches(event: Record<string, unknown>): boolean {
    try {
      return computeAuditHash(auditHashContent(event)) === event.hash
    } catch (_error) {
      // Content that cannot even be read back (an impossible date) was not written by the hook.
      return false
    }
  }

  /** The result so far; call after the last page. A kept head past the end means a cut tail. */
  report(): ChainReport {
    const lastSequence = this.expectedSequence - 1
    if (!this.firstBreak && this.anchor && this.anchor.sequence > lastSequence) {
      this.firstBreak = {
        sequence: this.anchor.sequence,
        id: undefined,
        problem: 'anchor',
        message: `Gebeurtenis ${this.anchor.sequence} is eerder bewaard, maar de geschiedenis stopt bij ${lastSequence}. Er zijn gebeurtenissen aan het eind verwijderd.`,
        messageEn: `Event ${this.anchor.sequence} was saved earlier, but the history stops at ${lastSequence}. Events were removed from the end.`,
      }
    }
    return {
      checked: this.checked,
      ok: !this.firstBreak,
      firstBreak: this.firstBreak,
      lastSequence,
      lastHash: this.previousHash,
    }
  }
}
