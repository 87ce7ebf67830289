/** The command lines and reports of npm run backup and npm run restore. */
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import {
  backupReport,
  defaultBackupFile,
  defaultBackupName,
  formatBytes,
  parseBackupArguments,
  parseRestoreArguments,
  restoreReport,
  UsageError,
} from '../../../host/cli/backupArguments'
import type { RestoreResult } from '../../../src/database/backupRestore'

const HASH = 'ab'.repeat(32)

describe('npm run backup arguments', () => {
  it('takes --out relative to the current folder, or nothing', () => {
    expect(parseBackupArguments([], '/srv')).toEqual({ help: false, out: undefined })
    expect(parseBackupArguments(['--out', 'b/x.dump'], '/srv')).toEqual({
      help: false,
      out: '/srv/b/x.dump',
    })
    expect(parseBackupArguments(['-o', '/tmp/x.dump'], '/srv').out).toBe('/tmp/x.dump')
    expect(parseBackupArguments(['--help']).help).toBe(true)
  })

  it('names what is wrong in Dutch', () => {
    expect(() => parseBackupArguments(['--uit', 'x'])).toThrow(
      new UsageError('Onbekende optie --uit.'),
    )
    expect(() => parseBackupArguments(['--out'])).toThrow(/--out.* heeft een waarde nodig/)
    expect(() => parseBackupArguments(['--out', ' '])).toThrow(
      '--out heeft een bestandsnaam nodig.',
    )
    expect(() => parseBackupArguments(['x.dump'])).toThrow(/Onverwacht argument 'x.dump'|x\.dump/)
  })

  it('puts a backup without --out under DATA_DIR/backups (embedded) or here (server)', () => {
    const now = new Date('2026-12-03T16:05:12.345Z')
    expect(defaultBackupName(now)).toBe('algoritmeregister-2026-12-03T16-05-12Z.dump')
    expect(defaultBackupFile('embedded', '/srv/.data', '/home/x', now)).toBe(
      path.join('/srv/.data/backups', 'algoritmeregister-2026-12-03T16-05-12Z.dump'),
    )
    expect(defaultBackupFile('external', '/srv/.data', '/home/x', now)).toBe(
      path.join('/home/x', 'algoritmeregister-2026-12-03T16-05-12Z.dump'),
    )
  })
})

describe('npm run restore arguments', () => {
  it('takes one file, --force and --anchor', () => {
    expect(parseRestoreArguments(['b.dump'], '/srv')).toEqual({
      help: false,
      file: '/srv/b.dump',
      force: false,
      anchor: undefined,
    })
    expect(parseRestoreArguments(['/b.dump', '--force', '--anchor', `42:${HASH}`])).toEqual({
      help: false,
      file: '/b.dump',
      force: true,
      anchor: { sequence: 42, hash: HASH },
    })
  })

  it('names what is wrong in Dutch', () => {
    expect(() => parseRestoreArguments([])).toThrow(
      'Noem het back-upbestand dat teruggezet moet worden.',
    )
    expect(() => parseRestoreArguments(['a.dump', 'b.dump'])).toThrow(
      'Noem één back-upbestand, niet 2.',
    )
    expect(() => parseRestoreArguments(['a.dump', '--anchor', '42:abc'])).toThrow(
      "--anchor moet de vorm <volgnummer>:<hash van 64 tekens> hebben, niet '42:abc'.",
    )
    expect(() => parseRestoreArguments(['a.dump', '--forceer'])).toThrow(
      'Onbekende optie --forceer.',
    )
  })
})

describe('reports', () => {
  const contents = {
    tables: 21,
    algorithms: 4,
    published: 2,
    auditEvents: 18,
    anchor: { sequence: 18, hash: HASH },
  }

  it('formats sizes as Dutch readers write them', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(96934)).toBe('96,9 kB')
    expect(formatBytes(12_345_678)).toBe('12,3 MB')
  })

  it('prints what the backup holds and the anchor to check a restore with', () => {
    const text = backupReport({
      file: '/b/x.dump',
      bytes: 96934,
      contents,
      serverVersion: '15.18',
      toolVersion: '15.20',
      durationMs: 900,
    })
    expect(text).toContain('Back-up gemaakt: /b/x.dump')
    expect(text).toContain('grootte:         96,9 kB')
    expect(text).toContain('algoritmes:      4 (2 gepubliceerd)')
    expect(text).toContain(`laatste:         gebeurtenis 18, hash ${HASH}`)
    expect(text).toContain(`npm run restore -- "/b/x.dump" --anchor 18:${HASH}`)
  })

  const restored = (overrides: Partial<RestoreResult>): RestoreResult => ({
    file: '/b/x.dump',
    contents,
    chain: { ok: true, checked: 18, lastSequence: 18, lastHash: HASH },
    durationMs: 2000,
    ...overrides,
  })

  it('exits 0 only for an intact chain that ends at the anchor given', () => {
    expect(restoreReport(restored({}), '/srv/.data')).toEqual({
      code: 0,
      text: expect.stringContaining('De geschiedenis is in orde: 18 gebeurtenissen gecontroleerd.'),
    })
    expect(restoreReport(restored({ anchorMatches: true }), 'x').text).toContain(
      'eindigt precies bij het anker',
    )
    const elsewhere = restoreReport(restored({ anchorMatches: false }), 'x')
    expect(elsewhere.code).toBe(1)
    expect(elsewhere.text).toContain('eindigt bij 18 en niet bij het opgegeven anker')
    const broken = restoreReport(
      restored({
        chain: {
          ok: false,
          checked: 7,
          lastSequence: 6,
          lastHash: HASH,
          firstBreak: {
            sequence: 7,
            id: 7,
            problem: 'hash',
            message: 'De inhoud van gebeurtenis 7 is veranderd.',
            messageEn: 'changed',
          },
        },
      }),
      'x',
    )
    expect(broken.code).toBe(1)
    expect(broken.text).toContain(
      'De geschiedenis is NIET in orde. Eerste fout bij gebeurtenis 7: De inhoud van gebeurtenis 7 is veranderd.',
    )
  })
})
