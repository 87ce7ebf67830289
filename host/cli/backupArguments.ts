import path from 'node:path'
import { parseArgs } from 'node:util'

import type { ChainAnchor } from '../../src/audit/verifyAuditChain'
import type {
  BackupResult,
  DatabaseContents,
  RestoreResult,
} from '../../src/database/backupRestore'

export const BACKUP_USAGE = `Gebruik / usage: npm run backup [-- --out <bestand>]

Maakt een back-up van de database van het register (pg_dump, custom-formaat): de ingebouwde
database in DATA_DIR (ook terwijl het register draait) of de server in DATABASE_URL.
Backs up the register's database (pg_dump, custom format): the embedded one in DATA_DIR
(also while the register runs) or the server in DATABASE_URL.

  --out <bestand>  waar de back-up komt / where to write it
                   (standaard / default: DATA_DIR/backups/algoritmeregister-<tijd>.dump,
                   met DATABASE_URL / with DATABASE_URL: ./algoritmeregister-<tijd>.dump)

Exitcode 0 = gelukt / done, 2 = mislukt / failed.`

export const RESTORE_USAGE = `Gebruik / usage: npm run restore -- <bestand> [--force] [--anchor <volgnummer>:<hash>]

Zet een back-up van npm run backup terug in de database van het register (DATA_DIR of
DATABASE_URL) en controleert daarna de geschiedenis. Stop het register eerst.
Restores a backup made by npm run backup into the register's database (DATA_DIR or
DATABASE_URL), then verifies the audit history. Stop the register first.

  --force          ook als de database niet leeg is: alles wordt vervangen
                   also when the database is not empty: everything is replaced
  --anchor 12:ab…  de laatste gebeurtenis die npm run backup noemde; de teruggezette
                   geschiedenis moet daar precies eindigen
                   the last event npm run backup printed; the restored history must end there

Exitcode 0 = teruggezet en in orde / restored and intact, 1 = teruggezet maar de geschiedenis
klopt niet / restored but the history is broken, 2 = niets teruggezet / nothing restored.`

/** A wrong command line; printed with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

function parse(
  argv: string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals })
  } catch (error) {
    const code = (error as { code?: string } | null)?.code ?? ''
    const option = /'([^']+)'/.exec((error as Error).message)?.[1]
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`Onbekende optie ${option ?? ''}.`.replace(' .', '.'))
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`Optie ${option ?? ''} heeft een waarde nodig.`.replace('  ', ' '))
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`Onverwacht argument ${option ?? ''}.`.replace(' .', '.'))
    }
    throw new UsageError((error as Error).message)
  }
}

export interface BackupArguments {
  help: boolean
  /** Absolute path; undefined: the default name. */
  out?: string
}

export function parseBackupArguments(argv: string[], cwd = process.cwd()): BackupArguments {
  const { values } = parse(
    argv,
    { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    false,
  )
  if (values.help) return { help: true }
  if (values.out !== undefined && String(values.out).trim() === '') {
    throw new UsageError('--out heeft een bestandsnaam nodig.')
  }
  return {
    help: false,
    out: values.out === undefined ? undefined : path.resolve(cwd, String(values.out)),
  }
}

/** `algoritmeregister-2026-12-03T16-05-12Z.dump`: sorts by time, no characters a shell minds. */
export function defaultBackupName(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
  return `algoritmeregister-${stamp}.dump`
}

/** Where a backup goes without --out: under DATA_DIR for the embedded database, else here. */
export function defaultBackupFile(
  kind: 'embedded' | 'external',
  dataDir: string,
  cwd: string,
  now: Date,
): string {
  const folder = kind === 'embedded' ? path.join(dataDir, 'backups') : cwd
  return path.join(folder, defaultBackupName(now))
}

export interface RestoreArguments {
  help: boolean
  file?: string
  force: boolean
  anchor?: ChainAnchor
}

export function parseAnchor(value: string): ChainAnchor {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim())
  if (!match) {
    throw new UsageError(
      `--anchor moet de vorm <volgnummer>:<hash van 64 tekens> hebben, niet '${value}'.`,
    )
  }
  return { sequence: Number(match[1]), hash: match[2] }
}

export function parseRestoreArguments(argv: string[], cwd = process.cwd()): RestoreArguments {
  const { values, positionals } = parse(
    argv,
    {
      force: { type: 'boolean' },
      anchor: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  )
  if (values.help) return { help: true, force: false }
  if (positionals.length === 0) {
    throw new UsageError('Noem het back-upbestand dat teruggezet moet worden.')
  }
  if (positionals.length > 1) {
    throw new UsageError(`Noem één back-upbestand, niet ${positionals.length}.`)
  }
  return {
    help: false,
    file: path.resolve(cwd, positionals[0]),
    force: values.force === true,
    anchor: values.anchor === undefined ? undefined : parseAnchor(String(values.anchor)),
  }
}

/** "1,2 MB", as Dutch readers write it. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  const shown = unit === 0 ? String(value) : value.toFixed(1).replace('.', ',')
  return `${shown} ${units[unit]}`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`
}

function contentLines(contents: DatabaseContents): string[] {
  return [
    `  tabellen:        ${contents.tables}`,
    `  algoritmes:      ${contents.algorithms} (${contents.published} gepubliceerd)`,
    `  geschiedenis:    ${contents.auditEvents} gebeurtenissen`,
    contents.anchor
      ? `  laatste:         gebeurtenis ${contents.anchor.sequence}, hash ${contents.anchor.hash}`
      : '  laatste:         (nog geen gebeurtenissen)',
  ]
}

/** What `npm run backup` prints when it is done. */
export function backupReport(result: BackupResult): string {
  const lines = [
    `Back-up gemaakt: ${result.file}`,
    `  grootte:         ${formatBytes(result.bytes)}`,
    ...contentLines(result.contents),
    `  duur:            ${seconds(result.durationMs)} (pg_dump ${result.toolVersion}, ` +
      `PostgreSQL ${result.serverVersion})`,
  ]
  if (result.contents.anchor) {
    const { sequence, hash } = result.contents.anchor
    lines.push(
      'Bewaar het anker buiten de database; controleer er een teruggezette back-up mee:',
      `  npm run restore -- ${JSON.stringify(result.file)} --anchor ${sequence}:${hash}`,
    )
  }
  return lines.join('\n')
}

/** What `npm run restore` prints, and its exit code. */
export function restoreReport(
  result: RestoreResult,
  where: string,
): { text: string; code: number } {
  const lines = [
    `Teruggezet: ${result.file} -> ${where} (${seconds(result.durationMs)})`,
    ...contentLines(result.contents),
  ]
  const { chain } = result
  if (!chain.ok) {
    const broken = chain.firstBreak
    lines.push(
      `De geschiedenis is NIET in orde. Eerste fout bij gebeurtenis ${broken?.sequence}: ` +
        `${broken?.message}`,
    )
    return { text: lines.join('\n'), code: 1 }
  }
  if (result.anchorMatches === false) {
    lines.push(
      `De geschiedenis is een ongebroken keten (${chain.checked} gebeurtenissen), maar eindigt ` +
        `bij ${chain.lastSequence} en niet bij het opgegeven anker.`,
    )
    return { text: lines.join('\n'), code: 1 }
  }
  lines.push(
    `De geschiedenis is in orde: ${chain.checked} gebeurtenissen gecontroleerd` +
      (result.anchorMatches ? ', en ze eindigt precies bij het anker.' : '.'),
  )
  return { text: lines.join('\n'), code: 0 }
}
