import { describe, expect, it } from '@jest/globals'

import { auditHashContent, computeAuditHash, GENESIS_HASH } from '../../../src/audit/auditHash'
import { AuditChainVerifier } from '../../../src/audit/verifyAuditChain'

type Event = Record<string, unknown>

/** A correctly linked chain of `length` events, as chainAuditEvent would write it. */
function buildChain(length: number): Event[] {
  const events: Event[] = []
  let previousHash = GENESIS_HASH
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const event: Event = {
      id: 100 + sequence,
      sequence,
      eventType: sequence % 2 === 0 ? 'update' : 'create',
      summary: `Gebeurtenis ${sequence}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)).toISOString(),
      actorId: 7,
      actorName: 'Eva',
      actorRole: 'redacteur',
      organisationId: 3,
      targetCollection: 'algorithms',
      targetId: String(sequence),
      targetLabel: `Algoritme ${sequence}`,
      changes: [{ field: 'name', before: null, after: `Algoritme ${sequence}` }],
      comment: null,
      details: null,
      requestId: `req-${sequence}`,
      previousHash,
    }
    event.hash = computeAuditHash(auditHashContent(event))
    previousHash = String(event.hash)
    events.push(event)
  }
  return events
}

function verify(events: Event[], verifier = new AuditChainVerifier()) {
  verifier.feed(events)
  return verifier.report()
}

describe('AuditChainVerifier', () => {
  it('accepts an intact chain and reports its head', () => {
    const chain = buildChain(6)
    expect(verify(chain)).toEqual({
      checked: 6,
      ok: true,
      firstBreak: undefined,
      lastSequence: 6,
      lastHash: chain[5].hash,
    })
  })

  it('accepts an empty history', () => {
    expect(verify([])).toMatchObject({
      ok: true,
      checked: 0,
      lastSequence: 0,
      lastHash: GENESIS_HASH,
    })
  })

  it('keeps its place across pages', () => {
    const chain = buildChain(7)
    const verifier = new AuditChainVerifier()
    expect(verifier.feed(chain.slice(0, 3))).toBe(true)
    expect(verifier.feed(chain.slice(3))).toBe(true)
    expect(verifier.report()).toMatchObject({ ok: true, checked: 7, lastSequence: 7 })
  })

  it('names a gap: the first event after a deleted one', () => {
    const chain = buildChain(6)
    chain.splice(3, 1)
    const report = verify(chain)
    expect(report.ok).toBe(false)
    expect(report.firstBreak).toEqual({
      sequence: 5,
      id: 105,
      problem: 'gap',
      message: 'Gebeurtenis 4 ontbreekt: na 3 volgt 5. Er is een gebeurtenis verwijderd.',
      messageEn: 'Event 4 is missing: 5 follows 3. An event was deleted.',
    })
    expect(report.lastSequence).toBe(3)
  })

  it('names a missing first event', () => {
    const report = verify(buildChain(3).slice(1))
    expect(report.firstBreak).toMatchObject({ problem: 'gap', sequence: 2 })
  })

  it('names an event that points at the wrong predecessor', () => {
    const chain = buildChain(5)
    chain[2] = { ...chain[2], previousHash: 'f'.repeat(64) }
    chain[2].hash = computeAuditHash(auditHashContent(chain[2]))
    expect(verify(chain).firstBreak).toMatchObject({
      problem: 'previous-hash',
      sequence: 3,
      id: 103,
    })
  })

  it('names an event whose content was edited', () => {
    const chain = buildChain(5)
    chain[1] = { ...chain[1], actorName: 'Iemand anders' }
    const report = verify(chain)
    expect(report.firstBreak).toMatchObject({ problem: 'hash', sequence: 2, id: 102 })
    expect(report.firstBreak?.message).toBe(
      'De inhoud van gebeurtenis 2 (id 102) is gewijzigd: de hash klopt niet meer.',
    )
  })

  it('names the next event when an edited event was re-hashed', () => {
    const chain = buildChain(5)
    chain[1] = { ...chain[1], comment: 'Achteraf toegevoegd' }
    chain[1].hash = computeAuditHash(auditHashContent(chain[1]))
    expect(verify(chain).firstBreak).toMatchObject({ problem: 'previous-hash', sequence: 3 })
  })

  it('reports content it cannot read (an impossible date) as edited, without throwing', () => {
    const chain = buildChain(3)
    chain[2] = { ...chain[2], occurredAt: 'gisteren' }
    expect(verify(chain).firstBreak).toMatchObject({ problem: 'hash', sequence: 3 })
  })

  it('stops at the first break and stays broken', () => {
    const chain = buildChain(5)
    chain[1] = { ...chain[1], summary: 'x' }
    chain[3] = { ...chain[3], summary: 'y' }
    const verifier = new AuditChainVerifier()
    expect(verifier.feed(chain)).toBe(false)
    expect(verifier.feed(buildChain(1))).toBe(false)
    expect(verifier.report()).toMatchObject({ checked: 2, firstBreak: { sequence: 2 } })
  })

  it('names an event that is out of place', () => {
    const chain = buildChain(4)
    const report = verify([chain[0], chain[1], chain[1], chain[2]])
    expect(report.firstBreak).toMatchObject({ problem: 'gap', sequence: 2 })
    expect(report.firstBreak?.message).toContain('verwacht was volgnummer 3')
  })

  it('can start in the middle of the chain', () => {
    const chain = buildChain(6)
    const verifier = new AuditChainVerifier({
      start: { sequence: 4, previousHash: String(chain[2].hash) },
    })
    expect(verify(chain.slice(3), verifier)).toMatchObject({ ok: true, checked: 3 })
  })

  it('checks links without content', () => {
    const chain = buildChain(4)
    const verifier = new AuditChainVerifier()
    verifier.feed([chain[0]])
    expect(
      verifier.feedLink({
        sequence: 2,
        previousHash: String(chain[1].previousHash),
        hash: String(chain[1].hash),
      }),
    ).toBe(true)
    expect(verifier.feed(chain.slice(2))).toBe(true)
    expect(verifier.report().ok).toBe(true)
  })

  describe('with an anchor kept elsewhere', () => {
    it('accepts a chain that still holds the anchor', () => {
      const chain = buildChain(5)
      const anchor = { sequence: 3, hash: String(chain[2].hash) }
      expect(verify(chain, new AuditChainVerifier({ anchor })).ok).toBe(true)
    })

    it('notices a chain that was cut off before the anchor', () => {
      const chain = buildChain(5)
      const anchor = { sequence: 5, hash: String(chain[4].hash) }
      const report = verify(chain.slice(0, 4), new AuditChainVerifier({ anchor }))
      expect(report.firstBreak).toMatchObject({ problem: 'anchor', sequence: 5 })
      expect(report.firstBreak?.message).toContain('stopt bij 4')
    })

    it('notices a chain that was rewritten from some point on', () => {
      const chain = buildChain(5)
      const anchor = { sequence: 4, hash: String(chain[3].hash) }
      const rewritten = buildChain(5).map((event) => ({ ...event }))
      rewritten[2] = { ...rewritten[2], summary: 'Herschreven' }
      for (let i = 2; i < rewritten.length; i += 1) {
        if (i > 2) rewritten[i].previousHash = rewritten[i - 1].hash
        rewritten[i].hash = computeAuditHash(auditHashContent(rewritten[i]))
      }
      expect(verify(rewritten).ok).toBe(true)
      expect(verify(rewritten, new AuditChainVerifier({ anchor })).firstBreak).toMatchObject({
        problem: 'anchor',
        sequence: 4,
      })
    })
  })
})
