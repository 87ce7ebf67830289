import { auditHashContent, computeAuditHash, GENESIS_HASH } from './auditHash'

export interface ChainBreak {
  sequence: number
  id: number | string | undefined
  problem: 'gap' | 'previous-hash' | 'hash'
  message: string
}

export interface ChainReport {
  checked: number
  ok: boolean
  firstBreak?: ChainBreak
  lastSequence: number
  lastHash: string
}

/**
 * Walks events in sequence order and reports the first one that does not fit the chain:
 * a missing sequence number (deleted event), a link to the wrong predecessor, or content that
 * no longer matches its hash (edited event). Feed it pages in order; it keeps its position.
 */
export class AuditChainVerifier {
  private expectedSequence = 1
  private previousHash = GENESIS_HASH
  private checked = 0
  private firstBreak: ChainBreak | undefined

  /** Checks the next events (sorted by sequence). Returns false once a break is found. */
  feed(events: Array<Record<string, unknown>>): boolean {
    for (const event of events) {
      if (this.firstBreak) return false
      const sequence = Number(event.sequence)
      const id = event.id as number | string | undefined
      this.checked += 1
      if (sequence !== this.expectedSequence) {
        this.firstBreak = {
          sequence,
          id,
          problem: 'gap',
          message: `Gebeurtenis ${this.expectedSequence} ontbreekt (na ${this.expectedSequence - 1} volgt ${sequence}).`,
        }
        return false
      }
      if (event.previousHash !== this.previousHash) {
        this.firstBreak = {
          sequence,
          id,
          problem: 'previous-hash',
          message: `Gebeurtenis ${sequence} (id ${id}) verwijst niet naar de hash van gebeurtenis ${sequence - 1}.`,
        }
        return false
      }
      const recomputed = computeAuditHash(auditHashContent(event))
      if (recomputed !== event.hash) {
        this.firstBreak = {
          sequence,
          id,
          problem: 'hash',
          message: `De inhoud van gebeurtenis ${sequence} (id ${id}) is gewijzigd: de hash klopt niet meer.`,
        }
        return false
      }
      this.previousHash = String(event.hash)
      this.expectedSequence = sequence + 1
    }
    return true
  }

  report(): ChainReport {
    return {
      checked: this.checked,
      ok: !this.firstBreak,
      firstBreak: this.firstBreak,
      lastSequence: this.expectedSequence - 1,
      lastHash: this.previousHash,
    }
  }
}
