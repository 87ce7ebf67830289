import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { asAccessUser } from '../../access/accessUser'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { rolesIn } from '../../access/rolesIn'
import { WRITER_ROLES } from '../../access/roles'
import { SKIP_GENERIC_AUDIT } from '../audit/auditContext'
import { diffDocuments } from '../audit/diffDocuments'
import { presentForAudit } from '../audit/presentForAudit'
import { writeAuditEvent } from '../audit/writeAuditEvent'
import { lockAlgorithmRow } from '../database/payloadTables'
import { publicationStandard, STANDARD_KEYS } from '../standard/publicationStandard'
import { htmlToLexical } from '../standard/richText'
import { canRestoreRevision, STATE_LABELS, type WorkflowState } from './stateMachine'
import { TransitionError } from './transitionService'
import { WORKFLOW_WRITE } from './workflowContext'

/** Standard fields a restore copies back (the system fields stay as they are). */
const RESTORED_KEYS = STANDARD_KEYS.filter(
  (key) => !['organization', 'lars', 'standard_version', 'publication_dt'].includes(key),
)

/** Working-copy values for a public snapshot (long texts back to editor JSON). */
export function snapshotToWorkingCopy(snapshot: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const key of RESTORED_KEYS) {
    const value = snapshot[key]
    if (publicationStandard[key].kind === 'richText' && key !== 'tags') {
      data[key] = typeof value === 'string' && value !== '' ? htmlToLexical(value) : null
    } else if (publicationStandard[key].kind === 'links') {
      data[key] = Array.isArray(value)
        ? value.map((item: { title?: string; link?: string }) => ({
            title: item.title ?? '',
            link: item.link ?? '',
          }))
        : []
    } else {
      data[key] = value ?? null
    }
  }
  const euAiAct = snapshot.eu_ai_act as Record<string, string> | undefined
  data.eu_database_url = euAiAct?.eu_database_url ?? null
  data.fria_summary = euAiAct?.fria_summary ?? null
  data.dpia_summary = euAiAct?.dpia_summary ?? null
  return data
}

/**
 * Copies an earlier published revision into the working copy as a new draft (state concept);
 * the public revision stays online until a new version is approved. Recorded in the history.
 */
export async function restoreRevision(
  req: PayloadRequest,
  command: { algorithmId: number; revisionNumber: number; expectedState: WorkflowState },
): Promise<{ state: WorkflowState }> {
  const user = asAccessUser(req.user)
  if (!user)
    throw new TransitionError(401, 'unauthenticated', { nl: 'Log eerst in.', en: 'Log in first.' })
  const shouldCommit = await initTransaction(req)
  try {
    const locked = await lockAlgorithmRow(req, command.algorithmId)
    const notFound = new TransitionError(404, 'not_found', {
      nl: 'Deze beschrijving of versie bestaat niet, of u hebt er geen toegang toe.',
      en: 'This description or revision does not exist, or you have no access to it.',
    })
    if (!locked) throw notFound
    const algorithm = await req.payload.findByID({
      collection: 'algorithms',
      id: command.algorithmId,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const organisationId =
      typeof algorithm.organization === 'object'
        ? algorithm.organization.id
        : algorithm.organization
    const roles = rolesIn(user, organisationId)
    if (!isPlatformAdmin(user, req.payload) && roles.length === 0) throw notFound
    if (!isPlatformAdmin(user, req.payload) && !roles.some((role) => WRITER_ROLES.includes(role))) {
      throw new TransitionError(403, 'forbidden', {
        nl: 'Alleen redacteuren, goedkeurders en beheerders van deze organisatie kunnen een oude versie terugzetten.',
        en: 'Only editors, reviewers and admins of this organisation can restore a revision.',
      })
    }
    const state = (algorithm.workflow?.state ?? 'concept') as WorkflowState
    if (state !== command.expectedState) {
      throw new TransitionError(409, 'stale_state', {
        nl: `Deze beschrijving is intussen gewijzigd: de status is nu '${STATE_LABELS[state].nl}' in plaats van '${STATE_LABELS[command.expectedState].nl}'. Ververs de pagina.`,
        en: `This description has changed meanwhile: its state is now '${STATE_LABELS[state].en}' instead of '${STATE_LABELS[command.expectedState].en}'. Refresh the page.`,
      })
    }
    const allowed = canRestoreRevision(state)
    if (!allowed.ok) throw new TransitionError(allowed.status, allowed.code, allowed.message)
    const found = await req.payload.find({
      collection: 'revisions',
      where: {
        and: [
          { algorithm: { equals: algorithm.id } },
          { revisionNumber: { equals: command.revisionNumber } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const revision = found.docs[0]
    if (!revision) throw notFound
    const data = snapshotToWorkingCopy(revision.snapshot as Record<string, unknown>)
    const before = Object.fromEntries(
      Object.keys(data).map((key) => [key, (algorithm as unknown as Record<string, unknown>)[key]]),
    )
    const changes = diffDocuments(before, data, { present: presentForAudit })
    const workflow = { ...(algorithm.workflow ?? {}) }
    const editors = Array.isArray(workflow.versionEditors)
      ? (workflow.versionEditors as unknown[]).map(Number)
      : []
    workflow.state = allowed.to
    workflow.transitionCount = (workflow.transitionCount ?? 0) + 1
    workflow.versionEditors = editors.includes(Number(user.id))
      ? editors
      : [...editors, Number(user.id)]
    const previous = { write: req.context[WORKFLOW_WRITE], audit: req.context[SKIP_GENERIC_AUDIT] }
    req.context[WORKFLOW_WRITE] = true
    req.context[SKIP_GENERIC_AUDIT] = true
    try {
      await req.payload.update({
        collection: 'algorithms',
        id: algorithm.id,
        data: { ...data, workflow },
        depth: 0,
        overrideAccess: true,
        req,
      })
    } finally {
      req.context[WORKFLOW_WRITE] = previous.write
      req.context[SKIP_GENERIC_AUDIT] = previous.audit
    }
    await writeAuditEvent(req, {
      eventType: 'restore',
      summary: `Versie ${revision.revisionNumber} van ${algorithm.name} teruggezet als nieuw concept`,
      organisationId,
      targetCollection: 'algorithms',
      targetId: algorithm.id,
      targetLabel: algorithm.name,
      changes,
      details: { revisionNumber: revision.revisionNumber, from: state, to: allowed.to },
    })
    if (shouldCommit) await commitTransaction(req)
    return { state: allowed.to }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
