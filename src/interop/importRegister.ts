/**
 * Imports a file of the national Algoritmeregister (read with readImportFile) into the register:
 * organisations are matched or created, algorithms are matched by LARS id (or, for rows without
 * one, by source_id and then by name within the organisation), and every new or changed
 * description becomes a published revision (source `import`) attributed to the importing user,
 * with an `import` audit event, in the same transaction as the write.
 *
 * Transactions: by default one per row, so a rejected row leaves the others alone; rows of
 * different organisations run side by side (the rows of one organisation one after the other, so
 * that an organisation is created only once).
 * - Dry run: every row runs in its own transaction that is rolled back at the end of the row, so
 *   every check of a real run is made and nothing is saved. Rows do not see each other's effects:
 *   an organisation that several rows need is reported once; only a file that describes the same
 *   algorithm twice without a LARS id would be counted differently from a real run.
 * - Strict (all or nothing): one transaction for the whole file. At the first rejected row it is
 *   rolled back (Payload rolls back on any failed write anyway) and the remaining rows are checked
 *   as in a dry run, so the report lists every problem at once; it commits only when no row was
 *   rejected.
 *
 * Idempotency: the public record a row would produce is compared with the current public record
 * (canonical JSON of the standard's fields). Equal means `unchanged`: nothing is written, no
 * revision and no audit event, so a second run of the same file changes nothing.
 *
 * A row is refused, not forced, when the register's own copy is not simply published: a new
 * version is being written or reviewed, or the description was withdrawn or archived here.
 * Overwriting would silently throw away an editor's work or undo a withdrawal.
 */

import { emitPublicChange } from '../publicApi/publicChangeBus'
import {
  commitTransaction,
  createLocalReq,
  getLocalI18n,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import type { Algorithm, Organisation, User } from '../../payload-types'
import { SKIP_GENERIC_AUDIT } from '../audit/auditContext'
import { canonicalJson } from '../audit/canonicalJson'
import { now } from '../clock'
import {
  algorithmMatchKeys,
  lockAlgorithmRow,
  relaxCommitDurability,
} from '../database/payloadTables'
import type { OrganisationType } from '../organisations/organisationTypes'
import { currentPublicRecord } from '../publicApi/projection'
import { buildPublicRecord } from '../publicApi/publicRecord'
import { generateLars } from '../standard/lars'
import { STANDARD_KEYS, STANDARD_VERSION } from '../standard/publicationStandard'
import { applyWorkflowStep, type StepTarget } from '../workflow/applyWorkflowStep'
import { decideImport, type WorkflowState } from '../workflow/stateMachine'
import { toAlgorithmData } from './algorithmImportData'
import type { BilingualText } from './bilingualText'
import { inferOrganisationType, organisationNameKey } from './inferOrganisationType'
import type { ImportRow, ImportSource, ImportWarning } from './readImportFile'
import { usersSlugOf } from '../plugin/registerOptionsOf'

/** What happened to one row. */
export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected'

/** The report of one row. */
export interface RowReport {
  rowNumber: number
  outcome: RowOutcome
  /** The LARS id the description has (or would have) in the register; '' when rejected early. */
  lars: string
  name: string
  organisation: string
  /** Why a row was rejected; empty otherwise. */
  reasons: RowReason[]
  warnings: ImportWarning[]
  /** Revision made by this row (created and updated only). */
  revisionNumber?: number
}

/** One reason for a rejection, with the field it concerns (`*` for the row as a whole). */
export interface RowReason {
  field: string
  message: BilingualText
}

/** An organisation the import created (or, in a dry run, would create). */
export interface CreatedOrganisation {
  name: string
  type: OrganisationType
  /** false: the type is a guess (`overig`); an admin should check it. */
  certain: boolean
  /** The first row that needed it. */
  rowNumber: number
}

/** Counts per outcome. */
export interface OutcomeCounts {
  created: number
  updated: number
  unchanged: number
  rejected: number
}

/** The result of a whole import. */
export interface ImportResult {
  fileName: string
  format: ImportSource['format']
  labelLanguage: ImportSource['labelLanguage']
  missingColumns: string[]
  unknownColumns: string[]
  dryRun: boolean
  strict: boolean
  /** Whether the changes are now in the database (false for a dry run or a failed strict run). */
  committed: boolean
  total: number
  counts: OutcomeCounts
  rows: RowReport[]
  organisationsCreated: CreatedOrganisation[]
  importer: { id: number; name: string; email: string }
  startedAt: string
  durationMs: number
}

/** Progress after each row. */
export interface ImportProgress {
  done: number
  total: number
  counts: OutcomeCounts
  elapsedMs: number
}

/** Options of {@link importRegister}. */
export interface ImportOptions {
  /** Check everything in a transaction that is rolled back at the end. */
  dryRun?: boolean
  /** All or nothing: commit only when no row is rejected. */
  strict?: boolean
  /** E-mail address of the importing platform admin; default: the first platform admin. */
  userEmail?: string
  /** Language of the register's own field messages (the import's texts carry both). */
  language?: 'nl' | 'en'
  onProgress?: (progress: ImportProgress) => void
  /** Transactions at a time when neither strict nor dry run (default 3). */
  concurrency?: number
}

/** The import cannot start at all (no importing user, …); `text` says why. */
export class ImportRefusedError extends Error {
  readonly text: BilingualText

  constructor(text: BilingualText) {
    super(text.en)
    this.name = 'ImportRefusedError'
    this.text = text
  }
}

/** A row that is refused for a reason the import itself found. */
class RowRejection extends Error {
  constructor(readonly reasons: RowReason[]) {
    super(reasons.map((reason) => reason.message.en).join(' '))
    this.name = 'RowRejection'
  }
}

interface KnownAlgorithm {
  id: number
  lars: string
  organisationId: number
  sourceId: string
  nameKey: string
}

/** Algorithms of each organisation by source_id and by name, for rows without a LARS id. */
interface AlgorithmIndex {
  source: Map<string, KnownAlgorithm[]>
  name: Map<string, KnownAlgorithm[]>
}

interface Caches {
  organisationsById: Map<number, Organisation>
  organisationsByCode: Map<string, Organisation>
  organisationsByName: Map<string, Organisation[]>
  algorithmsByLars: Map<string, KnownAlgorithm>
  knownLars: Set<string>
}

/** Cache changes of one row, applied only when the row's writes are kept. */
interface PendingCacheChanges {
  organisations: Organisation[]
  algorithms: KnownAlgorithm[]
  createdOrganisations: CreatedOrganisation[]
}

interface RowContext {
  req: PayloadRequest
  caches: Caches
  pending: PendingCacheChanges
  importer: User
  fileName: string
  /** This row's warnings (a copy: the import adds to them). */
  warnings: ImportWarning[]
  /** Row number of an earlier row with the same LARS id, if any. */
  repeatOf: number | undefined
}

/** Keys compared to decide whether a row changes the public record. */
const COMPARED_KEYS = STANDARD_KEYS.filter((key) => key !== 'publication_dt')

function comparable(record: Readonly<Record<string, unknown>>): string {
  return canonicalJson(Object.fromEntries(COMPARED_KEYS.map((key) => [key, record[key] ?? null])))
}

function sourceKey(organisationId: number, sourceId: string): string {
  return `${organisationId}|${sourceId.trim().toLowerCase()}`
}

function reason(field: string, nl: string, en: string): RowReason {
  return { field, message: { nl, en } }
}

function displayName(user: User): string {
  return user.name || user.email
}

async function findImporter(payload: Payload, email: string | undefined): Promise<User> {
  if (email) {
    const found = await payload.find({
      collection: usersSlugOf(payload),
      where: { email: { equals: email.trim().toLowerCase() } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const user = found.docs[0]
    if (!user) {
      throw new ImportRefusedError({
        nl: `Er is geen gebruiker met het e-mailadres ${email}. Geef met --user het adres van een platformbeheerder.`,
        en: `There is no user with the e-mail address ${email}. Use --user with the address of a platform admin.`,
      })
    }
    if (user.isPlatformAdmin !== true) {
      throw new ImportRefusedError({
        nl: `${email} is geen platformbeheerder. Alleen een platformbeheerder mag importeren, omdat een import in alle organisaties schrijft.`,
        en: `${email} is not a platform admin. Only a platform admin may import, because an import writes to every organisation.`,
      })
    }
    return user
  }
  const admins = await payload.find({
    collection: usersSlugOf(payload),
    where: { isPlatformAdmin: { equals: true } },
    sort: 'id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const first = admins.docs[0]
  if (!first) {
    throw new ImportRefusedError({
      nl: 'Er is nog geen platformbeheerder. Een import wordt op naam van een platformbeheerder vastgelegd: maak eerst een account aan (de eerste gebruiker wordt platformbeheerder) en geef eventueel --user <e-mailadres>.',
      en: 'There is no platform admin yet. An import is recorded in the name of a platform admin: create an account first (the first user becomes platform admin) and optionally pass --user <e-mail>.',
    })
  }
  return first
}

async function loadCaches(payload: Payload): Promise<{ caches: Caches; index: AlgorithmIndex }> {
  const organisations = await payload.find({
    collection: 'organisations',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const caches: Caches = {
    organisationsById: new Map(),
    organisationsByCode: new Map(),
    organisationsByName: new Map(),
    algorithmsByLars: new Map(),
    knownLars: new Set(),
  }
  for (const organisation of organisations.docs) rememberOrganisation(caches, organisation)
  const algorithms = await algorithmMatchKeys(payload)
  const index: AlgorithmIndex = { source: new Map(), name: new Map() }
  for (const row of algorithms) {
    const algorithm: KnownAlgorithm = {
      id: row.id,
      lars: row.lars ?? '',
      organisationId: row.organisationId,
      sourceId: row.sourceId ?? '',
      nameKey: organisationNameKey(row.name),
    }
    rememberAlgorithm(caches, algorithm)
    addToIndex(index, algorithm)
  }
  return { caches, index }
}

function rememberOrganisation(caches: Caches, organisation: Organisation): void {
  caches.organisationsById.set(organisation.id, organisation)
  if (organisation.code) caches.organisationsByCode.set(organisation.code, organisation)
  const key = organisationNameKey(organisation.name)
  const list = caches.organisationsByName.get(key) ?? []
  caches.organisationsByName.set(key, [
    ...list.filter((o) => o.id !== organisation.id),
    organisation,
  ])
}

function rememberAlgorithm(caches: Caches, algorithm: KnownAlgorithm): void {
  if (algorithm.lars) {
    caches.algorithmsByLars.set(algorithm.lars, algorithm)
    caches.knownLars.add(algorithm.lars)
  }
}

function freshLars(caches: Caches): string {
  for (;;) {
    const candidate = generateLars()
    if (!caches.knownLars.has(candidate)) {
      // Reserved at once, so that a row imported side by side cannot draw the same id.
      caches.knownLars.add(candidate)
      return candidate
    }
  }
}

async function resolveOrganisation(context: RowContext, row: ImportRow): Promise<Organisation> {
  const { caches, req } = context
  const name = row.record.organization
  if (row.organisationCode) {
    const byCode = caches.organisationsByCode.get(row.organisationCode)
    if (byCode) return byCode
  }
  const byName = caches.organisationsByName.get(organisationNameKey(name)) ?? []
  if (byName.length === 1) return byName[0]
  if (byName.length > 1) {
    throw new RowRejection([
      reason(
        'organization',
        `Er zijn ${byName.length} organisaties met de naam "${name}". Zet de organisatiecode in een kolom organization_code, dan weten we welke bedoeld is.`,
        `There are ${byName.length} organisations named "${name}". Put the organisation code in a column organization_code so the import knows which one is meant.`,
      ),
    ])
  }
  const inferred = inferOrganisationType(name)
  const previous = req.context[SKIP_GENERIC_AUDIT]
  // The organisation's own create event is the generic one: it shows who created it and how.
  req.context[SKIP_GENERIC_AUDIT] = false
  let organisation: Organisation
  try {
    organisation = await req.payload.create({
      collection: 'organisations',
      data: { name, type: inferred.type },
      overrideAccess: true,
      depth: 0,
      req,
    })
  } finally {
    req.context[SKIP_GENERIC_AUDIT] = previous
  }
  context.pending.organisations.push(organisation)
  context.pending.createdOrganisations.push({
    name,
    type: inferred.type,
    certain: inferred.certain,
    rowNumber: row.rowNumber,
  })
  // Later rows of the same run must find it, also before this row's changes are kept.
  rememberOrganisation(caches, organisation)
  if (!inferred.certain) {
    context.warnings.push({
      row: row.rowNumber,
      field: 'organization',
      kind: 'changed',
      value: name,
      message: {
        nl: `Organisatie "${name}" bestond nog niet en is aangemaakt met soort "overig", omdat de naam niet zegt wat voor organisatie het is. Pas de soort aan in het beheer.`,
        en: `Organisation "${name}" did not exist and was created with type "other", because the name does not say what kind of organisation it is. Correct the type in the admin.`,
      },
    })
  }
  return organisation
}

/** The algorithm a row is about, or undefined for a new one. */
function matchAlgorithm(
  context: RowContext,
  row: ImportRow,
  organisation: Organisation,
  byOrganisation: AlgorithmIndex,
): KnownAlgorithm | undefined {
  const { record } = row
  if (record.lars) {
    const found = context.caches.algorithmsByLars.get(record.lars)
    if (found && found.organisationId !== organisation.id) {
      const owner = context.caches.organisationsById.get(found.organisationId)?.name ?? '?'
      throw new RowRejection([
        reason(
          'lars',
          `Algoritme-ID ${record.lars} hoort in dit register bij ${owner}, maar deze rij noemt ${organisation.name}. Een beschrijving verhuist niet naar een andere organisatie.`,
          `Algorithm ID ${record.lars} belongs to ${owner} in this register, but this row names ${organisation.name}. A description does not move to another organisation.`,
        ),
      ])
    }
    return found
  }
  const pick = (list: KnownAlgorithm[] | undefined, field: string, label: BilingualText) => {
    if (!list || list.length === 0) return undefined
    if (list.length === 1) return list[0]
    throw new RowRejection([
      reason(
        field,
        `Deze rij heeft geen Algoritme-ID en ${label.nl} past bij ${list.length} beschrijvingen van ${organisation.name}. Vul algorithm_id in.`,
        `This row has no Algorithm ID and ${label.en} matches ${list.length} descriptions of ${organisation.name}. Fill in algorithm_id.`,
      ),
    ])
  }
  if (record.source_id) {
    const found = pick(
      byOrganisation.source.get(sourceKey(organisation.id, record.source_id)),
      'source_id',
      { nl: `source_id "${record.source_id}"`, en: `source_id "${record.source_id}"` },
    )
    if (found) return found
  }
  return pick(
    byOrganisation.name.get(`${organisation.id}|${organisationNameKey(record.name)}`),
    'name',
    { nl: `de naam "${record.name}"`, en: `the name "${record.name}"` },
  )
}

interface LockedState {
  state: WorkflowState
  transitionCount: number
  publicationDate: string | null
  publicRecord: Record<string, unknown> | null
}

async function lockAndRead(req: PayloadRequest, algorithm: KnownAlgorithm): Promise<LockedState> {
  const row = await lockAlgorithmRow(req, algorithm.id)
  return {
    state: ((row?.state ?? 'concept') as WorkflowState) || 'concept',
    transitionCount: row?.transitionCount ?? 0,
    publicationDate: row?.publicationDate ?? null,
    publicRecord: await currentPublicRecord(req, algorithm.lars),
  }
}

async function importRow(
  context: RowContext,
  row: ImportRow,
  byOrganisation: AlgorithmIndex,
): Promise<RowReport> {
  const { req, importer } = context
  const { record } = row
  const base = {
    rowNumber: row.rowNumber,
    name: record.name,
    organisation: record.organization,
    warnings: context.warnings,
    reasons: [],
  }
  if (row.errors.length > 0) {
    throw new RowRejection(
      row.errors.map((error) => ({ field: error.field, message: error.message })),
    )
  }
  if (context.repeatOf !== undefined) {
    throw new RowRejection([
      reason(
        'lars',
        `Algoritme-ID ${record.lars} staat ook al in rij ${context.repeatOf}. Elke beschrijving mag maar één keer in het bestand staan.`,
        `Algorithm ID ${record.lars} is also in row ${context.repeatOf}. Each description may appear only once in the file.`,
      ),
    ])
  }

  const organisation = await resolveOrganisation(context, row)
  const known = matchAlgorithm(context, row, organisation, byOrganisation)
  const data = toAlgorithmData(record)
  const changeSummary = `Geïmporteerd uit ${context.fileName} (rij ${row.rowNumber}).`

  // Load: the row lock and what the public sees now.
  let target: StepTarget
  let lars: string
  if (known) {
    const locked = await lockAndRead(req, known)
    const candidate = buildPublicRecord(
      { ...data, lars: known.lars } as unknown as Algorithm,
      organisation,
      locked.publicationDate ?? now().toISOString().slice(0, 10),
    )
    if (locked.publicRecord && comparable(candidate) === comparable(locked.publicRecord)) {
      return { ...base, outcome: 'unchanged', lars: known.lars }
    }
    lars = known.lars
    target = {
      kind: 'locked',
      id: known.id,
      workflow: { state: locked.state, transitionCount: locked.transitionCount },
      publicationDate: locked.publicationDate,
    }
  } else {
    lars = record.lars || freshLars(context.caches)
    target = {
      kind: 'new',
      fields: { organization: organisation.id, lars, standard_version: STANDARD_VERSION },
    }
  }

  // Decide: the import is an action of the workflow's state machine.
  const decision = decideImport({
    current: target.kind === 'locked' ? { state: target.workflow.state ?? 'concept' } : null,
    actor: { isPlatformAdmin: importer.isPlatformAdmin === true },
  })
  if (!decision.ok) throw new RowRejection([{ field: '*', message: decision.message }])

  // Apply, record (notify: nobody, says the table), through the same door as an approval.
  const outcome: RowOutcome = known ? 'updated' : 'created'
  const { algorithm, revision } = await applyWorkflowStep(req, {
    decision,
    target,
    organisation,
    actor: { id: importer.id, name: displayName(importer) },
    text: { changeSummary },
    content: data,
    auditDetails: {
      outcome,
      file: context.fileName,
      row: row.rowNumber,
      lars,
      warnings: context.warnings.length,
      // What the import changed or left out, with the value from the file: the record of it
      // outlives the import report.
      changedValues: context.warnings
        .filter((warning) => warning.kind === 'changed')
        .map((warning) => ({
          field: warning.field,
          ...(warning.value === undefined ? {} : { value: warning.value }),
          message: warning.message.nl,
        })),
    },
  })
  if (!known) {
    context.pending.algorithms.push({
      id: algorithm.id,
      lars,
      organisationId: organisation.id,
      sourceId: record.source_id,
      nameKey: organisationNameKey(record.name),
    })
  }
  return { ...base, outcome, lars, revisionNumber: revision?.revisionNumber }
}

/** Turns anything a row threw into reasons a person can act on. */
function reasonsOf(error: unknown): RowReason[] {
  if (error instanceof RowRejection) return error.reasons
  const named = error as {
    name?: string
    message?: string
    code?: string
    data?: { errors?: Array<{ path?: string; message?: string }> }
  } | null
  if (named?.name === 'ValidationError' && Array.isArray(named.data?.errors)) {
    return named.data.errors.map((item) => {
      const text = item.message ?? ''
      return { field: item.path ?? '*', message: { nl: text, en: text } }
    })
  }
  const message = named?.message ?? String(error)
  if (named?.code === '23505' || /duplicate key|unique/i.test(message)) {
    return [
      reason(
        '*',
        `Deze rij botst met een bestaande gegeven dat uniek moet zijn: ${message}`,
        `This row clashes with an existing value that must be unique: ${message}`,
      ),
    ]
  }
  return [reason('*', `Onverwachte fout: ${message}`, `Unexpected error: ${message}`)]
}

function addToIndex(index: AlgorithmIndex, algorithm: KnownAlgorithm): void {
  if (algorithm.sourceId) {
    const key = sourceKey(algorithm.organisationId, algorithm.sourceId)
    index.source.set(key, [...(index.source.get(key) ?? []), algorithm])
  }
  const key = `${algorithm.organisationId}|${algorithm.nameKey}`
  index.name.set(key, [...(index.name.get(key) ?? []), algorithm])
}

/** Rows of one organisation (by name), imported one after the other. */
function organisationLanes(rows: readonly ImportRow[]): ImportRow[][] {
  const lanes = new Map<string, ImportRow[]>()
  for (const row of rows) {
    const key = organisationNameKey(row.record.organization)
    lanes.set(key, [...(lanes.get(key) ?? []), row])
  }
  return [...lanes.values()]
}

/** For each row that repeats a LARS id of an earlier row: the earlier row's number. */
function repeatedLars(rows: readonly ImportRow[]): Map<ImportRow, number> {
  const first = new Map<string, number>()
  const repeats = new Map<ImportRow, number>()
  for (const row of rows) {
    const lars = row.record.lars
    if (!lars || row.errors.length > 0) continue
    const earlier = first.get(lars)
    if (earlier === undefined) first.set(lars, row.rowNumber)
    else repeats.set(row, earlier)
  }
  return repeats
}

/**
 * Imports the rows of `source`; see the module comment for matching, transactions and
 * idempotency. Rejected rows are reported with their reasons and do not stop the others.
 *
 * Without `strict` and `dryRun`, rows of different organisations are imported side by side
 * (`concurrency` transactions at a time, default 3); the rows of one organisation always go one
 * after the other, so an organisation is created only once. The report is in file order.
 *
 * @throws ImportRefusedError when the import cannot start (no or wrong importing user).
 */
export async function importRegister(
  payload: Payload,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = Date.now()
  const startedAt = now().toISOString()
  const dryRun = options.dryRun === true
  const strict = options.strict === true
  const importer = await findImporter(payload, options.userEmail)
  const { caches, index } = await loadCaches(payload)
  const i18n = await getLocalI18n({ config: payload.config, language: options.language ?? 'nl' })
  const user = { ...importer, collection: usersSlugOf(payload) } as never
  const newRequest = () => createLocalReq({ user, req: { i18n } as never }, payload)

  const counts: OutcomeCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
  const reports: RowReport[] = []
  const organisationsCreated: CreatedOrganisation[] = []
  const repeats = repeatedLars(source.rows)
  // Strict: one transaction for the whole file, until a row is rejected.
  const shared = strict && !dryRun ? await newRequest() : undefined
  if (shared) await initTransaction(shared)
  let sharedAlive = shared !== undefined
  const sharedAdditions: PendingCacheChanges[] = []

  const noteCreated = (pending: PendingCacheChanges): void => {
    for (const created of pending.createdOrganisations) {
      const key = organisationNameKey(created.name)
      if (!organisationsCreated.some((o) => organisationNameKey(o.name) === key)) {
        organisationsCreated.push(created)
      }
    }
  }
  const keep = (pending: PendingCacheChanges): void => {
    for (const organisation of pending.organisations) rememberOrganisation(caches, organisation)
    for (const algorithm of pending.algorithms) {
      rememberAlgorithm(caches, algorithm)
      addToIndex(index, algorithm)
    }
    noteCreated(pending)
  }
  // Organisations are remembered as soon as they are made (later rows of the same organisation
  // need them); when their transaction is rolled back, the register must forget them again.
  const discard = (pending: PendingCacheChanges): void => {
    for (const organisation of pending.organisations) forgetOrganisation(caches, organisation)
    for (const algorithm of pending.algorithms) forgetAlgorithm(caches, index, algorithm)
  }

  /**
   * `commit`: the row's own transaction, committed. `check`: the row's own transaction, always
   * rolled back (dry run; strict after a rejection). `shared`: the strict run's transaction.
   */
  const runRow = async (row: ImportRow, mode: 'commit' | 'check' | 'shared'): Promise<void> => {
    const req = mode === 'shared' && shared ? shared : await newRequest()
    const context: RowContext = {
      req,
      caches,
      pending: { organisations: [], algorithms: [], createdOrganisations: [] },
      importer,
      fileName: source.fileName,
      warnings: [...row.warnings],
      repeatOf: repeats.get(row),
    }
    let report: RowReport
    if (mode !== 'shared') {
      await initTransaction(req)
      await relaxCommitDurability(req)
    }
    try {
      report = await importRow(context, row, index)
      if (mode === 'commit') {
        await commitTransaction(req)
        keep(context.pending)
      } else if (mode === 'check') {
        await killTransaction(req)
        discard(context.pending)
        noteCreated(context.pending)
      } else {
        keep(context.pending)
        sharedAdditions.push(context.pending)
      }
    } catch (error) {
      // Payload rolls back the transaction itself when one of its operations fails; this makes
      // sure it is rolled back when the import's own checks refuse the row.
      await killTransaction(req)
      discard(context.pending)
      if (mode === 'shared') {
        sharedAlive = false
        for (const pending of sharedAdditions) discard(pending)
      }
      report = {
        rowNumber: row.rowNumber,
        outcome: 'rejected',
        lars: row.record.lars,
        name: row.record.name,
        organisation: row.record.organization,
        reasons: reasonsOf(error),
        // What the import itself noted (an organisation it created) was rolled back with the row.
        warnings: context.warnings.slice(0, row.warnings.length),
      }
    }
    counts[report.outcome] += 1
    reports.push(report)
    options.onProgress?.({
      done: reports.length,
      total: source.rows.length,
      counts: { ...counts },
      elapsedMs: Date.now() - started,
    })
  }

  try {
    if (shared) {
      // After the first rejection nothing will be saved; the other rows are still checked, each
      // on its own, so that the report lists every problem at once.
      for (const row of source.rows) await runRow(row, sharedAlive ? 'shared' : 'check')
    } else {
      const mode = dryRun ? 'check' : 'commit'
      const lanes = organisationLanes(source.rows)
      const workers = Math.max(1, Math.min(options.concurrency ?? 3, lanes.length))
      let next = 0
      await Promise.all(
        Array.from({ length: workers }, async () => {
          while (next < lanes.length) {
            const lane = lanes[next]
            next += 1
            for (const row of lane) await runRow(row, mode)
          }
        }),
      )
    }
  } catch (error) {
    if (shared) await killTransaction(shared)
    throw error
  }

  let committed = !dryRun && !strict
  if (shared) {
    if (sharedAlive && counts.rejected === 0) {
      await commitTransaction(shared)
      committed = true
    } else {
      await killTransaction(shared)
    }
  }
  // NOTIFY reaches this process's public API too, but only a moment later; say it directly.
  if (committed) emitPublicChange('')
  reports.sort((a, b) => a.rowNumber - b.rowNumber)
  organisationsCreated.sort((a, b) => a.rowNumber - b.rowNumber)

  return {
    fileName: source.fileName,
    format: source.format,
    labelLanguage: source.labelLanguage,
    missingColumns: source.missingColumns,
    unknownColumns: source.unknownColumns,
    dryRun,
    strict,
    committed,
    total: source.rows.length,
    counts,
    rows: reports,
    organisationsCreated,
    importer: { id: importer.id, name: displayName(importer), email: importer.email },
    startedAt,
    durationMs: Date.now() - started,
  }
}

function forgetAlgorithm(caches: Caches, index: AlgorithmIndex, algorithm: KnownAlgorithm): void {
  if (caches.algorithmsByLars.get(algorithm.lars)?.id === algorithm.id) {
    caches.algorithmsByLars.delete(algorithm.lars)
  }
  const drop = (map: Map<string, KnownAlgorithm[]>) => {
    for (const [key, list] of map) {
      const rest = list.filter((known) => known.id !== algorithm.id)
      if (rest.length === list.length) continue
      if (rest.length > 0) map.set(key, rest)
      else map.delete(key)
    }
  }
  drop(index.source)
  drop(index.name)
}

function forgetOrganisation(caches: Caches, organisation: Organisation): void {
  caches.organisationsById.delete(organisation.id)
  if (organisation.code) caches.organisationsByCode.delete(organisation.code)
  const key = organisationNameKey(organisation.name)
  const rest = (caches.organisationsByName.get(key) ?? []).filter((o) => o.id !== organisation.id)
  if (rest.length > 0) caches.organisationsByName.set(key, rest)
  else caches.organisationsByName.delete(key)
}
