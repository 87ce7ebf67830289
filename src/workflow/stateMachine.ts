/**
 * Editorial workflow for algorithm descriptions, as a pure state machine.
 *
 * Everything here is a decision: given the current state, the actor, the organisation settings and
 * the facts the caller has gathered, it says whether a step may happen, where it leads and what the
 * caller must do next (create a revision, update the public record, notify someone). It performs no
 * I/O, so Payload hooks, endpoints and the admin UI can all ask the same question and get the same
 * answer.
 */

/** All workflow states, in the order an algorithm usually passes through them. */
export const WORKFLOW_STATES = [
  'concept',
  'ter_beoordeling',
  'teruggezet',
  'gepubliceerd',
  'gedepubliceerd',
  'gearchiveerd',
] as const

/** Status of the working version of an algorithm description. */
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

/** All workflow steps a person can take (content edits are handled by {@link applyEdit}). */
export const WORKFLOW_ACTIONS = [
  'submit',
  'approve',
  'request_changes',
  'withdraw',
  'archive',
  'reopen',
] as const

/** A workflow step. */
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/**
 * Steps the register takes itself and never offers as a button: an import publishes a row of the
 * national register. They go through the same apply step as a person's steps.
 */
export const SYSTEM_ACTIONS = ['import'] as const

/** A step the register takes itself. */
export type SystemAction = (typeof SYSTEM_ACTIONS)[number]

/** Every action of the machine: a person's step or the register's own. */
export type MachineAction = WorkflowAction | SystemAction

/** Role of a person within one organisation. */
export type MembershipRole = 'redacteur' | 'goedkeurder' | 'beheerder' | 'auditor'

/** Roles that can take workflow steps at all; an auditor only looks. */
export type ActingRole = Exclude<MembershipRole, 'auditor'>

/** A user-facing text in Dutch (primary) and English. */
export interface LocalizedText {
  nl: string
  en: string
}

/** Machine-readable reason why a step or edit is refused. */
export type RefusalCode =
  | 'stale_state'
  | 'invalid_transition'
  | 'forbidden'
  | 'four_eyes'
  | 'comment_required'
  | 'reason_required'
  | 'change_summary_required'
  | 'incomplete'
  | 'plain_language'
  | 'read_only_state'

/** A refusal, shaped so an endpoint can turn it into an HTTP error response directly. */
export interface WorkflowRefusal {
  ok: false
  status: 403 | 409 | 422
  code: RefusalCode
  message: LocalizedText
  /** Extra machine-readable detail, e.g. the keys of missing required fields. */
  details?: string[]
}

/** Machine-readable kind of a non-blocking warning. */
export type WarningCode = 'plain_language'

/** Something the actor should know, which does not stop the step. */
export interface WorkflowWarning {
  code: WarningCode
  message: LocalizedText
}

/** What the caller must do after an allowed step. */
export interface TransitionEffects {
  /** Store the working version as a new, numbered revision. */
  createRevision: boolean
  /** Publish the new revision, remove the public record, or leave it as it is. */
  publicRecord: 'publish' | 'remove' | 'keep'
  /** Empty the list of people who edited the working version. */
  resetVersionEditors: boolean
  /** Who gets a notification about this step. */
  notify: 'reviewers' | 'submitter' | 'none'
  /** Record the actor as the submitter of the working version. */
  setSubmittedBy: boolean
}

/**
 * What a step does to the algorithm's workflow fields, besides the new state and the step count.
 * Declared per step in {@link TRANSITION_TABLE}; the apply step only carries it out.
 */
export interface WorkflowFieldEffects {
  /** Who submitted the working version: the actor (with the time), nobody, or unchanged. */
  submitter: 'actor' | 'clear' | 'keep'
  /** The change summary: the step's input (empty input clears it), or unchanged. */
  changeSummary: 'input' | 'keep'
  /** The remark shown to editors: the step's comment or reason, cleared, or unchanged. */
  lastComment: 'comment' | 'reason' | 'clear' | 'keep'
  /**
   * The public period: starts with the new revision (public since now, next review due),
   * stops with the public record, or stays as it is.
   */
  publication: 'start' | 'stop' | 'keep'
}

/** An allowed step. */
export interface TransitionSuccess {
  ok: true
  action: MachineAction
  /** The state before; null when the step starts a new description (an import). */
  from: WorkflowState | null
  to: WorkflowState
  effects: TransitionEffects
  fields: WorkflowFieldEffects
  warnings: WorkflowWarning[]
}

/** Outcome of {@link decideTransition}. */
export type TransitionResult = TransitionSuccess | WorkflowRefusal

/** The algorithm description as far as the workflow needs to know it. */
export interface WorkflowSubject {
  state: WorkflowState
  /** An approved revision is visible to the public right now. */
  hasPublicRevision: boolean
  /** How many revisions were ever approved; above zero means "published before". */
  publishedRevisionCount: number
  /** User id of whoever submitted the working version, if it was submitted. */
  submittedBy: number | null
  /** User ids of everyone who edited the working version since the last approval. */
  versionEditors: number[]
}

/** The person who wants to take a step. */
export interface WorkflowActor {
  id: number
  /** Roles in the organisation that owns the algorithm; empty when not a member. */
  roles: MembershipRole[]
  isPlatformAdmin: boolean
}

/** Settings of the organisation that owns the algorithm. */
export interface WorkflowOrganisation {
  /** Nobody may approve a version they submitted or edited. */
  fourEyes: boolean
  /** The organisation has at least one member with the reviewer role. */
  hasReviewer: boolean
  /** Plain-language warnings block submission instead of only warning. */
  plainLanguageBlocks: boolean
}

/** Content checks the caller has already run on the working version. */
export interface WorkflowGuards {
  /** Keys of required fields that are still empty. */
  missingRequired?: string[]
  /** Number of plain-language warnings in the text. */
  plainLanguageWarnings?: number
}

/** Everything about the situation, without the step being asked for. */
export interface WorkflowContext {
  current: WorkflowSubject
  actor: WorkflowActor
  organisation: WorkflowOrganisation
  guards?: WorkflowGuards
}

/** A request to take one workflow step. */
export interface TransitionInput extends WorkflowContext {
  action: WorkflowAction
  /** The state the actor saw; protects against acting on an outdated screen. */
  expectedState: WorkflowState
  /** Remark for the submitter; required when requesting changes. */
  comment?: string
  /** Why the publication is withdrawn; required when withdrawing. */
  reason?: string
  /** What changed since the last publication; required when submitting after a publication. */
  changeSummary?: string
}

/** Free-text input a step asks the actor for. */
export type TransitionInputField = 'comment' | 'reason' | 'changeSummary'

/**
 * From which states a step is possible: always, or only while something is (or is not) public.
 */
export type FromCondition = 'always' | 'when_public' | 'when_not_public'

/** One row of the transition table. */
export interface TransitionRule {
  readonly from: Readonly<Partial<Record<WorkflowState, FromCondition>>>
  readonly to: WorkflowState
  /** Membership roles that may take this step. */
  readonly roles: readonly ActingRole[]
  /** When a platform admin without a fitting role may still take this step. */
  readonly platformAdmin: 'always' | 'when_no_reviewer'
  /** Subject to the four-eyes principle when the organisation has it switched on. */
  readonly fourEyes: boolean
  /** Run the completeness and plain-language checks. */
  readonly contentChecks: boolean
  /** Free text the actor must give, and whether only after an earlier publication. */
  readonly requires: Readonly<{
    field: TransitionInputField
    when: 'always' | 'published_before'
  }> | null
  readonly effects: Readonly<TransitionEffects>
  /** What the step writes into the workflow fields. */
  readonly fields: Readonly<WorkflowFieldEffects>
  /** The step may also start a description that does not exist yet (an import). */
  readonly startsDescription?: boolean
  /** Clearer refusals for an impossible step, depending on whether something is public. */
  readonly invalidHints?: Readonly<{ whenPublic?: LocalizedText; whenNotPublic?: LocalizedText }>
}

/** How the workflow reads in the admin interface. */
export const STATE_LABELS: Readonly<Record<WorkflowState, LocalizedText>> = {
  concept: { nl: 'Concept', en: 'Draft' },
  ter_beoordeling: { nl: 'Ter beoordeling', en: 'In review' },
  teruggezet: { nl: 'Teruggezet', en: 'Changes requested' },
  gepubliceerd: { nl: 'Gepubliceerd', en: 'Published' },
  gedepubliceerd: { nl: 'Gedepubliceerd', en: 'Withdrawn' },
  gearchiveerd: { nl: 'Gearchiveerd', en: 'Archived' },
}

/** Button texts for the workflow steps. */
export const ACTION_LABELS: Readonly<Record<WorkflowAction, LocalizedText>> = {
  submit: { nl: 'Indienen ter beoordeling', en: 'Submit for review' },
  approve: { nl: 'Goedkeuren en publiceren', en: 'Approve and publish' },
  request_changes: { nl: 'Terugzetten met opmerking', en: 'Request changes' },
  withdraw: { nl: 'Publicatie intrekken', en: 'Withdraw publication' },
  archive: { nl: 'Archiveren', en: 'Archive' },
  reopen: { nl: 'Heropenen', en: 'Reopen' },
}

/** Names of the membership roles. */
export const ROLE_LABELS: Readonly<Record<MembershipRole, LocalizedText>> = {
  redacteur: { nl: 'redacteur', en: 'editor' },
  goedkeurder: { nl: 'goedkeurder', en: 'reviewer' },
  beheerder: { nl: 'beheerder', en: 'administrator' },
  auditor: { nl: 'auditor', en: 'auditor' },
}

const NO_EFFECTS: TransitionEffects = {
  createRevision: false,
  publicRecord: 'keep',
  resetVersionEditors: false,
  notify: 'none',
  setSubmittedBy: false,
}

const NO_FIELDS: WorkflowFieldEffects = {
  submitter: 'keep',
  changeSummary: 'keep',
  lastComment: 'keep',
  publication: 'keep',
}

/**
 * The whole workflow policy as data: from where, to where, who, and what follows.
 * Reviewing is reserved for reviewers; a platform admin only steps in when an organisation has no
 * reviewer of its own, so the organisation stays responsible for what it publishes.
 */
export const TRANSITION_TABLE: Readonly<Record<MachineAction, TransitionRule>> = {
  submit: {
    from: { concept: 'always', teruggezet: 'always' },
    to: 'ter_beoordeling',
    roles: ['redacteur', 'goedkeurder', 'beheerder'],
    platformAdmin: 'always',
    fourEyes: false,
    contentChecks: true,
    requires: { field: 'changeSummary', when: 'published_before' },
    effects: { ...NO_EFFECTS, notify: 'reviewers', setSubmittedBy: true },
    fields: { ...NO_FIELDS, submitter: 'actor', changeSummary: 'input', lastComment: 'clear' },
  },
  approve: {
    from: { ter_beoordeling: 'always' },
    to: 'gepubliceerd',
    roles: ['goedkeurder'],
    platformAdmin: 'when_no_reviewer',
    fourEyes: true,
    contentChecks: false,
    requires: null,
    effects: {
      ...NO_EFFECTS,
      createRevision: true,
      publicRecord: 'publish',
      resetVersionEditors: true,
      notify: 'submitter',
    },
    fields: { ...NO_FIELDS, publication: 'start' },
  },
  request_changes: {
    from: { ter_beoordeling: 'always' },
    to: 'teruggezet',
    roles: ['goedkeurder'],
    platformAdmin: 'when_no_reviewer',
    fourEyes: false,
    contentChecks: false,
    requires: { field: 'comment', when: 'always' },
    effects: { ...NO_EFFECTS, notify: 'submitter' },
    fields: { ...NO_FIELDS, lastComment: 'comment' },
  },
  withdraw: {
    from: {
      gepubliceerd: 'always',
      concept: 'when_public',
      ter_beoordeling: 'when_public',
      teruggezet: 'when_public',
    },
    to: 'gedepubliceerd',
    roles: ['goedkeurder', 'beheerder'],
    platformAdmin: 'always',
    fourEyes: false,
    contentChecks: false,
    requires: { field: 'reason', when: 'always' },
    effects: { ...NO_EFFECTS, publicRecord: 'remove' },
    fields: { ...NO_FIELDS, lastComment: 'reason', publication: 'stop' },
    invalidHints: {
      whenNotPublic: {
        nl: 'Er is geen openbare versie van deze beschrijving, dus er valt niets in te trekken.',
        en: 'There is no public version of this description, so there is nothing to withdraw.',
      },
    },
  },
  archive: {
    from: { gedepubliceerd: 'always', concept: 'when_not_public', teruggezet: 'when_not_public' },
    to: 'gearchiveerd',
    roles: ['goedkeurder', 'beheerder'],
    platformAdmin: 'always',
    fourEyes: false,
    contentChecks: false,
    requires: null,
    effects: NO_EFFECTS,
    fields: NO_FIELDS,
    invalidHints: {
      whenPublic: {
        nl: 'Deze beschrijving staat nog openbaar. Trek eerst de publicatie in. Daarna kunt u haar archiveren.',
        en: 'This description is still public. Withdraw the publication first; then you can archive it.',
      },
    },
  },
  reopen: {
    from: { gedepubliceerd: 'always', gearchiveerd: 'always' },
    to: 'concept',
    roles: ['redacteur', 'goedkeurder', 'beheerder'],
    platformAdmin: 'always',
    fourEyes: false,
    contentChecks: false,
    requires: null,
    effects: NO_EFFECTS,
    fields: NO_FIELDS,
  },
  // A row of the national register replaces the public version as one published revision,
  // attributed to the importing platform admin; it never overwrites an editor's work in progress
  // or brings back a withdrawn or archived description (see importRefusal).
  import: {
    from: { gepubliceerd: 'always' },
    startsDescription: true,
    to: 'gepubliceerd',
    roles: [],
    platformAdmin: 'always',
    fourEyes: false,
    contentChecks: false,
    requires: null,
    effects: {
      ...NO_EFFECTS,
      createRevision: true,
      publicRecord: 'publish',
      resetVersionEditors: true,
    },
    fields: {
      submitter: 'clear',
      changeSummary: 'input',
      lastComment: 'clear',
      publication: 'start',
    },
  },
}

/** HTTP status that belongs to each refusal code. */
const REFUSAL_STATUS: Readonly<Record<RefusalCode, WorkflowRefusal['status']>> = {
  stale_state: 409,
  invalid_transition: 409,
  read_only_state: 409,
  forbidden: 403,
  four_eyes: 403,
  comment_required: 422,
  reason_required: 422,
  change_summary_required: 422,
  incomplete: 422,
  plain_language: 422,
}

const REQUIRED_INPUT: Readonly<
  Record<TransitionInputField, { code: RefusalCode; message: LocalizedText }>
> = {
  comment: {
    code: 'comment_required',
    message: {
      nl: 'Schrijf een opmerking voor de indiener: wat moet er anders?',
      en: 'Write a comment for the submitter: what needs to change?',
    },
  },
  reason: {
    code: 'reason_required',
    message: {
      nl: 'Geef een reden op waarom u de publicatie intrekt.',
      en: 'Give a reason for withdrawing the publication.',
    },
  },
  changeSummary: {
    code: 'change_summary_required',
    message: {
      nl: 'Deze beschrijving is al eerder gepubliceerd. Vat kort samen wat u hebt veranderd.',
      en: 'This description was published before. Briefly summarise what you changed.',
    },
  },
}

/** Checks at runtime that a value (e.g. from a request body or database row) is a state. */
export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value)
}

/** Checks at runtime that a value (e.g. from a request body) is a workflow action. */
export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value)
}

/**
 * Decides whether a workflow step may happen and what follows from it.
 *
 * Checks run in a fixed order so the actor hears about the most basic problem first: outdated
 * screen, impossible step, missing permission, four-eyes, and only then the content of the request.
 */
export function decideTransition(input: TransitionInput): TransitionResult {
  if (input.expectedState !== input.current.state) {
    return staleRefusal(input.expectedState, input.current.state)
  }
  return evaluate(input, input.action, true)
}

/** One entry of {@link availableActions}: can this step be taken now, and what does it need? */
export interface AvailableAction {
  action: WorkflowAction
  /** Where the step would lead. */
  to: WorkflowState
  allowed: boolean
  /** Why not, when not allowed. */
  code?: RefusalCode
  reason?: LocalizedText
  /** Free text the actor must give in the dialog for this step. */
  needs: TransitionInputField | null
  /** Non-blocking remarks the actor should see before taking the step. */
  warnings: WorkflowWarning[]
}

/**
 * Lists every workflow step with whether the actor can take it right now, for buttons and dialogs.
 *
 * Free-text inputs (comment, reason, change summary) are not judged here: they are reported in
 * `needs`, because the actor types them in the dialog that the button opens.
 */
export function availableActions(context: WorkflowContext): AvailableAction[] {
  return WORKFLOW_ACTIONS.map((action) => {
    const rule = TRANSITION_TABLE[action]
    const result = evaluate(context, action, false)
    const needs = neededInput(rule, context.current)
    if (result.ok) {
      return { action, to: rule.to, allowed: true, needs, warnings: result.warnings }
    }
    return {
      action,
      to: rule.to,
      allowed: false,
      code: result.code,
      reason: result.message,
      needs,
      warnings: [],
    }
  })
}

/** Outcome of saving content: the state afterwards, or a refusal. */
export type EditResult =
  | {
      ok: true
      from: WorkflowState
      to: WorkflowState
      /** The edit opens a new working version next to the public revision. */
      startsNewVersion: boolean
    }
  | WorkflowRefusal

/**
 * Says what a content save does to the workflow state.
 *
 * Editing a published description does not touch the public revision: it opens a new working
 * version in 'concept'. Edits during review are allowed; the caller records the editor as a version
 * editor so four-eyes still holds.
 */
export function applyEdit(state: WorkflowState): EditResult {
  switch (state) {
    case 'concept':
    case 'teruggezet':
    case 'ter_beoordeling':
      return { ok: true, from: state, to: state, startsNewVersion: false }
    case 'gepubliceerd':
      return { ok: true, from: state, to: 'concept', startsNewVersion: true }
    case 'gedepubliceerd':
    case 'gearchiveerd':
      return refusal('read_only_state', readOnlyMessage(state))
    default:
      return unknownStateRefusal(state)
  }
}

/** Outcome of {@link canRestoreRevision}. */
export type RestoreResult = { ok: true; from: WorkflowState; to: 'concept' } | WorkflowRefusal

/**
 * Says whether an earlier revision may be put back as a new draft. The restored content always
 * becomes a 'concept'; the public revision, if any, stays until a new approval.
 */
export function canRestoreRevision(state: WorkflowState): RestoreResult {
  switch (state) {
    case 'concept':
    case 'teruggezet':
    case 'gepubliceerd':
    case 'gedepubliceerd':
      return { ok: true, from: state, to: 'concept' }
    case 'ter_beoordeling':
      return refusal('invalid_transition', {
        nl: 'Deze beschrijving ligt ter beoordeling. U kunt pas een eerdere versie terugzetten als de goedkeurder klaar is.',
        en: 'This description is in review. You can restore an earlier revision once the reviewer is done.',
      })
    case 'gearchiveerd':
      return refusal('read_only_state', readOnlyMessage(state))
    default:
      return unknownStateRefusal(state)
  }
}

/** Everything after the stale-state check; `judgeInput` is off when only previewing buttons. */
function evaluate(
  input: WorkflowContext & Partial<Pick<TransitionInput, TransitionInputField>>,
  action: WorkflowAction,
  judgeInput: boolean,
): TransitionResult {
  const { current, actor, organisation } = input
  // Actions arrive from request bodies; an unknown one must be refused, not crash.
  const rule: TransitionRule | undefined = isWorkflowAction(action)
    ? TRANSITION_TABLE[action]
    : undefined
  if (!rule) {
    return refusal('invalid_transition', {
      nl: `Onbekende stap '${String(action)}'.`,
      en: `Unknown step '${String(action)}'.`,
    })
  }

  if (!isPossibleFrom(rule, current)) {
    return refusal('invalid_transition', invalidMessage(action, rule, current))
  }

  const forbidden = roleRefusal(action, rule, actor, organisation)
  if (forbidden) return forbidden

  if (rule.fourEyes && organisation.fourEyes) {
    if (current.submittedBy === actor.id) {
      return refusal('four_eyes', {
        nl: 'U kunt uw eigen werk niet goedkeuren: u hebt deze versie ingediend. Vraag een andere goedkeurder.',
        en: 'You cannot approve your own work: you submitted this version. Ask another reviewer.',
      })
    }
    if (current.versionEditors.includes(actor.id)) {
      return refusal('four_eyes', {
        nl: 'U kunt uw eigen werk niet goedkeuren: u hebt deze versie bewerkt. Vraag een andere goedkeurder.',
        en: 'You cannot approve your own work: you edited this version. Ask another reviewer.',
      })
    }
  }

  if (judgeInput && rule.requires && neededInput(rule, current)) {
    const field = rule.requires.field
    if (isBlank(input[field])) {
      const required = REQUIRED_INPUT[field]
      return refusal(required.code, required.message)
    }
  }

  const warnings: WorkflowWarning[] = []
  if (rule.contentChecks) {
    const missing = input.guards?.missingRequired ?? []
    if (missing.length > 0) {
      return refusal(
        'incomplete',
        {
          nl: `Vul eerst de verplichte velden in: ${missing.join(', ')}.`,
          en: `Fill in the required fields first: ${missing.join(', ')}.`,
        },
        [...missing],
      )
    }
    const count = warningCount(input.guards?.plainLanguageWarnings)
    if (count > 0) {
      if (organisation.plainLanguageBlocks) {
        return refusal('plain_language', plainLanguageMessage(count, true))
      }
      warnings.push({ code: 'plain_language', message: plainLanguageMessage(count, false) })
    }
  }

  return {
    ok: true,
    action,
    from: current.state,
    to: rule.to,
    effects: { ...rule.effects },
    fields: { ...rule.fields },
    warnings,
  }
}

/** What {@link decideImport} needs: the description as it is (null: not in the register yet). */
export interface ImportDecisionInput {
  current: Pick<WorkflowSubject, 'state'> | null
  actor: Pick<WorkflowActor, 'isPlatformAdmin'>
}

/**
 * Decides whether an import may publish a row: only a platform admin imports (an import writes
 * to every organisation), into a new description or one that is simply published here.
 */
export function decideImport(input: ImportDecisionInput): TransitionResult {
  const rule = TRANSITION_TABLE.import
  if (!input.actor.isPlatformAdmin) {
    return refusal('forbidden', {
      nl: 'Alleen een platformbeheerder mag importeren, omdat een import in alle organisaties schrijft.',
      en: 'Only a platform admin may import, because an import writes to every organisation.',
    })
  }
  const from = input.current?.state ?? null
  if (from === null ? !rule.startsDescription : rule.from[from] !== 'always') {
    return refusal('invalid_transition', importRefusal(from as WorkflowState))
  }
  return {
    ok: true,
    action: 'import',
    from,
    to: rule.to,
    effects: { ...rule.effects },
    fields: { ...rule.fields },
    warnings: [],
  }
}

/**
 * Why an import leaves a description alone: overwriting would silently throw away an editor's
 * work or undo a withdrawal.
 */
function importRefusal(state: WorkflowState): LocalizedText {
  const label = stateLabel(state)
  const editing = state === 'concept' || state === 'ter_beoordeling' || state === 'teruggezet'
  return editing
    ? {
        nl: `In dit register wordt aan een nieuwe versie gewerkt (status "${label.nl}"). De import overschrijft dat werk niet: rond de versie eerst af of zet hem terug, en importeer dan opnieuw.`,
        en: `A new version is being written in this register (state "${label.en}"). The import does not overwrite that work: finish or discard that version first, then import again.`,
      }
    : {
        nl: `Deze beschrijving is in dit register "${label.nl}". De import zet hem niet zomaar terug: heropen hem eerst als hij weer openbaar moet.`,
        en: `This description is "${label.en}" in this register. The import does not bring it back by itself: reopen it first if it should be public again.`,
      }
}

function isPublic(current: WorkflowSubject): boolean {
  return current.state === 'gepubliceerd' || current.hasPublicRevision
}

function isPossibleFrom(rule: TransitionRule, current: WorkflowSubject): boolean {
  const condition = rule.from[current.state]
  if (condition === 'always') return true
  if (condition === 'when_public') return isPublic(current)
  if (condition === 'when_not_public') return !isPublic(current)
  return false
}

function neededInput(rule: TransitionRule, current: WorkflowSubject): TransitionInputField | null {
  if (!rule.requires) return null
  if (rule.requires.when === 'published_before' && !(current.publishedRevisionCount > 0)) {
    return null
  }
  return rule.requires.field
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === ''
}

/** Negative or non-numeric counts come from broken checkers; they must not block anyone. */
function warningCount(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

function refusal(code: RefusalCode, message: LocalizedText, details?: string[]): WorkflowRefusal {
  const result: WorkflowRefusal = { ok: false, status: REFUSAL_STATUS[code], code, message }
  if (details) result.details = details
  return result
}

function stateLabel(state: WorkflowState): LocalizedText {
  return STATE_LABELS[state] ?? { nl: String(state), en: String(state) }
}

function staleRefusal(expected: WorkflowState, actual: WorkflowState): WorkflowRefusal {
  const was = stateLabel(expected)
  const now = stateLabel(actual)
  return refusal('stale_state', {
    nl: `Deze beschrijving is intussen gewijzigd: de status is nu '${now.nl}' in plaats van '${was.nl}'. Ververs de pagina.`,
    en: `This description has changed in the meantime: its status is now '${now.en}' instead of '${was.en}'. Refresh the page.`,
  })
}

function invalidMessage(
  action: WorkflowAction,
  rule: TransitionRule,
  current: WorkflowSubject,
): LocalizedText {
  const hint = isPublic(current) ? rule.invalidHints?.whenPublic : rule.invalidHints?.whenNotPublic
  if (hint) return hint
  const label = ACTION_LABELS[action]
  const now = stateLabel(current.state)
  if (current.state === rule.to) {
    return {
      nl: `'${label.nl}' kan niet: de status is al '${now.nl}'.`,
      en: `'${label.en}' is not possible: the status is already '${now.en}'.`,
    }
  }
  const fromStates = WORKFLOW_STATES.filter((state) => rule.from[state] !== undefined)
  return {
    nl: `'${label.nl}' kan alleen vanuit ${joinList(
      fromStates.map((s) => `'${STATE_LABELS[s].nl}'`),
      'of',
    )}. De status is nu '${now.nl}'.`,
    en: `'${label.en}' is only possible from ${joinList(
      fromStates.map((s) => `'${STATE_LABELS[s].en}'`),
      'or',
    )}. The status is now '${now.en}'.`,
  }
}

function roleRefusal(
  action: WorkflowAction,
  rule: TransitionRule,
  actor: WorkflowActor,
  organisation: WorkflowOrganisation,
): WorkflowRefusal | null {
  // Only acting roles count: an auditor role adds nothing, whatever else the person holds.
  const roles = actor.roles ?? []
  if (roles.some((role) => role !== 'auditor' && rule.roles.includes(role))) return null
  const adminMayStepIn =
    rule.platformAdmin === 'always' ||
    (rule.platformAdmin === 'when_no_reviewer' && !organisation.hasReviewer)
  if (actor.isPlatformAdmin && adminMayStepIn) return null

  const label = ACTION_LABELS[action]
  if (actor.isPlatformAdmin) {
    return refusal('forbidden', {
      nl: `Deze organisatie heeft een eigen goedkeurder. Als platformbeheerder mag u '${label.nl}' alleen doen bij een organisatie zonder goedkeurder.`,
      en: `This organisation has its own reviewer. As platform administrator you can only use '${label.en}' for an organisation without a reviewer.`,
    })
  }
  if (roles.length === 0) {
    return refusal('forbidden', {
      nl: 'U hebt geen rol in deze organisatie. Daarom kunt u hier geen stappen in het publicatieproces zetten.',
      en: 'You have no role in this organisation, so you cannot take workflow steps here.',
    })
  }
  if (roles.every((role) => role === 'auditor')) {
    return refusal('forbidden', {
      nl: 'Als auditor kunt u alles inzien, maar geen stappen in het publicatieproces zetten.',
      en: 'As an auditor you can view everything, but you cannot take workflow steps.',
    })
  }
  const who = rule.roles.map((role) => ROLE_LABELS[role])
  if (adminMayStepIn) who.push({ nl: 'platformbeheerder', en: 'platform administrator' })
  const yours = [...new Set(roles)].map((role) => ROLE_LABELS[role])
  return refusal('forbidden', {
    nl: `'${label.nl}' mag alleen een ${joinList(
      who.map((w) => w.nl),
      'of',
    )}. Uw rol hier: ${yours.map((r) => r.nl).join(', ')}.`,
    en: `Only these roles may use '${label.en}': ${joinList(
      who.map((w) => w.en),
      'or',
    )}. Your role here: ${yours.map((r) => r.en).join(', ')}.`,
  })
}

function plainLanguageMessage(count: number, blocking: boolean): LocalizedText {
  const points =
    count === 1
      ? { nl: '1 punt', en: '1 plain-language issue' }
      : { nl: `${count} punten`, en: `${count} plain-language issues` }
  if (blocking) {
    return {
      nl: `De tekst heeft nog ${points.nl} die niet in eenvoudige taal ${count === 1 ? 'is' : 'zijn'}. Uw organisatie vraagt om die eerst op te lossen.`,
      en: `The text still has ${points.en}. Your organisation asks you to fix ${count === 1 ? 'it' : 'them'} first.`,
    }
  }
  return {
    nl: `De tekst heeft nog ${points.nl} die niet in eenvoudige taal ${count === 1 ? 'is' : 'zijn'}. U kunt toch indienen, maar kijk er nog even naar.`,
    en: `The text still has ${points.en}. You can still submit, but please take another look.`,
  }
}

function readOnlyMessage(state: 'gedepubliceerd' | 'gearchiveerd'): LocalizedText {
  const label = STATE_LABELS[state]
  return {
    nl: `Deze beschrijving is ${label.nl.toLowerCase()} en kan niet worden gewijzigd. Heropen de beschrijving eerst.`,
    en: `This description is ${label.en.toLowerCase()} and cannot be changed. Reopen it first.`,
  }
}

function unknownStateRefusal(state: unknown): WorkflowRefusal {
  return refusal('invalid_transition', {
    nl: `Onbekende status '${String(state)}'.`,
    en: `Unknown status '${String(state)}'.`,
  })
}

function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}
