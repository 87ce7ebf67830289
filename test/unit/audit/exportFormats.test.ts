import { describe, expect, it } from '@jest/globals'

import { auditHashContent, computeAuditHash, GENESIS_HASH } from '../../../src/audit/auditHash'
import {
  AUDIT_EXPORT_COLUMNS,
  auditEventsToCsv,
  auditEventsToJson,
} from '../../../src/audit/exportAuditEvents'
import { verifyAuditExport } from '../../../src/audit/verifyAuditExport'
import { parseCsv } from '../../../src/interop/csvCodec'

type Event = Record<string, unknown>

function chain(length: number): Event[] {
  const events: Event[] = []
  let previousHash = GENESIS_HASH
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const event: Event = {
      sequence,
      eventType: 'update',
      summary: `Stap ${sequence}`,
      occurredAt: `2026-02-0${sequence}T09:00:00.000Z`,
      actorId: 1,
      actorName: 'Eva',
      actorRole: 'redacteur',
      organisationId: sequence % 2 === 0 ? 2 : 1,
      targetCollection: 'algorithms',
      targetId: '9',
      targetLabel: 'Parkeren',
      changes: [{ field: 'name', before: 'a', after: 'b' }],
      comment: null,
      details: null,
      requestId: `r${sequence}`,
      previousHash,
    }
    event.hash = computeAuditHash(auditHashContent(event))
    previousHash = String(event.hash)
    events.push(event)
  }
  return events
}

const linkOf = (event: Event) => ({
  sequence: event.sequence,
  previousHash: event.previousHash,
  hash: event.hash,
})

describe('auditEventsToCsv', () => {
  it('starts with a BOM and a header, one quoted row per event, CRLF line ends', () => {
    const csv = auditEventsToCsv(chain(2))
    expect(csv.startsWith('\uFEFF"sequence","occurredAt","eventType",')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(4)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual([...AUDIT_EXPORT_COLUMNS])
    expect(rows[1].slice(0, 4)).toEqual(['1', '2026-02-01T09:00:00.000Z', 'update', 'Stap 1'])
    expect(JSON.parse(rows[1][12])).toEqual([{ field: 'name', before: 'a', after: 'b' }])
    expect(rows[1][13]).toBe('')
  })

  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    const [event] = chain(1)
    const rows = parseCsv(
      auditEventsToCsv([
        {
          ...event,
          targetLabel: '=HYPERLINK("x")',
          actorName: '+31 6',
          comment: '@SUM(A1)',
          summary: '-1',
        },
      ]),
    )
    expect(rows[1][3]).toBe("'-1")
    expect(rows[1][5]).toBe("'+31 6")
    expect(rows[1][10]).toBe('\'=HYPERLINK("x")')
    expect(rows[1][11]).toBe("'@SUM(A1)")
  })

  it('keeps commas, quotes and line breaks inside a value', () => {
    const [event] = chain(1)
    const rows = parseCsv(auditEventsToCsv([{ ...event, comment: 'Eén, "twee"\ndrie' }]))
    expect(rows[1][11]).toBe('Eén, "twee"\ndrie')
  })
})

describe('auditEventsToJson and verifyAuditExport', () => {
  it('writes the events as stored, with chain head and links', () => {
    const events = chain(3)
    const parsed = JSON.parse(
      auditEventsToJson(
        [events[0], events[2]],
        { organisationId: 1 },
        {
          head: { sequence: 3, hash: String(events[2].hash) },
          links: [linkOf(events[1]) as never],
        },
      ),
    )
    expect(parsed).toMatchObject({
      format: 'algoritmeregister-audit-export/1',
      exportedFor: { organisationId: 1 },
      count: 2,
      chainHead: { sequence: 3 },
    })
    expect(Object.keys(parsed.events[0])).toEqual([...AUDIT_EXPORT_COLUMNS])
    expect(verifyAuditExport(parsed)).toMatchObject({ ok: true, checked: 3, lastSequence: 3 })
  })

  it('verifies an export that starts in the middle of the chain', () => {
    const events = chain(5)
    const parsed = JSON.parse(auditEventsToJson(events.slice(2), { organisationId: null }))
    expect(verifyAuditExport(parsed)).toMatchObject({ ok: true, lastSequence: 5 })
  })

  it('notices an edited event, a changed link and a missing event', () => {
    const events = chain(4)
    const exported = () =>
      JSON.parse(
        auditEventsToJson(
          [events[0], events[2], events[3]],
          { organisationId: 1 },
          {
            head: null,
            links: [linkOf(events[1]) as never],
          },
        ),
      )
    const edited = exported()
    edited.events[1].targetLabel = 'Iets anders'
    expect(verifyAuditExport(edited).firstBreak).toMatchObject({ problem: 'hash', sequence: 3 })

    const relinked = exported()
    relinked.links[0].hash = 'e'.repeat(64)
    expect(verifyAuditExport(relinked).firstBreak).toMatchObject({
      problem: 'previous-hash',
      sequence: 3,
    })

    const shortened = exported()
    shortened.events.splice(1, 1)
    expect(verifyAuditExport(shortened).firstBreak).toMatchObject({ problem: 'gap', sequence: 4 })
  })

  it('refuses a file that is not an export', () => {
    expect(() => verifyAuditExport({ rows: [] })).toThrow('geen export van de geschiedenis')
  })
})
