import { createHash } from 'node:crypto'

import { describe, expect, it } from '@jest/globals'

import { auditHashContent, computeAuditHash, GENESIS_HASH } from '../../../src/audit/auditHash'

const stored = {
  id: 41,
  sequence: 7,
  eventType: 'update',
  summary: 'Parkeren gewijzigd (name)',
  occurredAt: '2026-03-01T10:00:00.000Z',
  actorId: 3,
  actorName: 'Eva Redacteur',
  actorRole: 'redacteur',
  organisationId: 12,
  targetCollection: 'algorithms',
  targetId: '5',
  targetLabel: 'Parkeren',
  changes: [{ field: 'name', before: 'Oud', after: 'Parkeren' }],
  comment: null,
  details: null,
  requestId: 'req-1',
  previousHash: 'a'.repeat(64),
  hash: 'ignored',
  createdAt: '2026-03-01T10:00:00.123Z',
}

describe('auditHashContent', () => {
  it('picks exactly the covered fields', () => {
    expect(Object.keys(auditHashContent(stored)).sort()).toEqual([
      'actorId',
      'actorName',
      'actorRole',
      'changes',
      'comment',
      'details',
      'eventType',
      'occurredAt',
      'organisationId',
      'previousHash',
      'requestId',
      'sequence',
      'summary',
      'targetCollection',
      'targetId',
      'targetLabel',
    ])
  })

  it('reads a raw database row the same as Payload’s document', () => {
    const row = {
      ...stored,
      sequence: '7',
      actorId: '3',
      organisationId: '12',
      occurredAt: new Date('2026-03-01T10:00:00.000Z'),
      comment: undefined,
    }
    expect(auditHashContent(row)).toEqual(auditHashContent(stored))
  })

  it('turns absent values into null', () => {
    const content = auditHashContent({
      sequence: 1,
      eventType: 'login_failure',
      occurredAt: '2026-01-01T00:00:00Z',
      previousHash: GENESIS_HASH,
    })
    expect(content).toMatchObject({
      actorId: null,
      actorName: null,
      organisationId: null,
      changes: null,
      details: null,
      summary: null,
      occurredAt: '2026-01-01T00:00:00.000Z',
    })
  })
})

describe('computeAuditHash', () => {
  it('is SHA-256 over the previous hash, a newline and the canonical JSON', () => {
    const content = auditHashContent(stored)
    const text =
      `${'a'.repeat(64)}\n` +
      '{"actorId":3,"actorName":"Eva Redacteur","actorRole":"redacteur",' +
      '"changes":[{"after":"Parkeren","before":"Oud","field":"name"}],"comment":null,' +
      '"details":null,"eventType":"update","occurredAt":"2026-03-01T10:00:00.000Z",' +
      `"organisationId":12,"previousHash":"${'a'.repeat(64)}","requestId":"req-1",` +
      '"sequence":7,"summary":"Parkeren gewijzigd (name)","targetCollection":"algorithms",' +
      '"targetId":"5","targetLabel":"Parkeren"}'
    expect(computeAuditHash(content)).toBe(createHash('sha256').update(text).digest('hex'))
  })

  it('starts the chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64))
  })

  it.each([
    ['summary', 'Niets gewijzigd'],
    ['actorName', 'Iemand anders'],
    ['actorRole', 'beheerder'],
    ['occurredAt', '2026-03-01T10:00:00.001Z'],
    ['requestId', 'req-2'],
    ['targetId', '6'],
    ['previousHash', 'b'.repeat(64)],
    ['sequence', 8],
    ['changes', [{ field: 'name', before: 'Oud', after: 'Anders' }]],
  ])('changes when %s changes', (field, value) => {
    const original = computeAuditHash(auditHashContent(stored))
    expect(computeAuditHash(auditHashContent({ ...stored, [field]: value }))).not.toBe(original)
  })

  it('does not depend on the key order inside changes and details', () => {
    const reordered = {
      ...stored,
      changes: [{ after: 'Parkeren', field: 'name', before: 'Oud' }],
    }
    expect(computeAuditHash(auditHashContent(reordered))).toBe(
      computeAuditHash(auditHashContent(stored)),
    )
  })
})
