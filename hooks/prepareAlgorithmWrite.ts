import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { asAccessUser } from '../access/accessUser'
import { diffDocuments } from '../src/audit/diffDocuments'
import { presentForAudit } from '../src/audit/presentForAudit'
import { lockAlgorithmRow } from '../src/database/payloadTables'
import { throwFieldErrors } from '../src/errors/throwFieldErrors'
import { localise } from '../src/i18n/localise'
import { generateLars, isValidLars } from '../src/standard/lars'
import { STANDARD_VERSION } from '../src/standard/publicationStandard'
import { applyEdit, type WorkflowState } from '../src/workflow/stateMachine'
import { NON_CONTENT_FIELDS, WORKFLOW_WRITE } from '../src/workflow/workflowContext'

async function uniqueLars(req: PayloadRequest): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const candidate = generateLars()
    const { totalDocs } = await req.payload.count({
      collection: 'algorithms',
      where: { lars: { equals: candidate } },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return candidate
  }
  throw new APIError('Kon geen vrij Algoritme-ID vinden.', 500)
}

/** Locks the algorithm's row for this transaction and reads its workflow as committed now. */
async function currentWorkflow(
  req: PayloadRequest,
  id: unknown,
): Promise<Record<string, unknown> | undefined> {
  if (typeof id !== 'number' && typeof id !== 'string') return undefined
  await lockAlgorithmRow(req, Number(id))
  const row = await req.payload.findByID({
    collection: 'algorithms',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { workflow: true },
    req,
  })
  return (row?.workflow ?? undefined) as Record<string, unknown> | undefined
}

/**
 * Everything the system fills in on a write that is not a workflow step: a LARS id and the
 * standard version on create; on an edit, the workflow consequence (editing a published
 * description opens a new working version, withdrawn and archived ones are read-only) and who
 * edited the version under way (four-eyes needs to know).
 */
export const prepareAlgorithmWrite: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (req.context?.[WORKFLOW_WRITE]) return data
  const user = asAccessUser(req.user)
  data.standard_version = STANDARD_VERSION

  if (operation === 'create') {
    if (data.lars) {
      if (typeof data.lars !== 'string' || !isValidLars(data.lars)) {
        throwFieldErrors(req, 'algorithms', [
          {
            path: 'lars',
            message: {
              nl: `Algoritme-ID '${String(data.lars)}' is geen geldig nummer van acht cijfers met controlecijfer.`,
              en: `Algorithm ID '${String(data.lars)}' is not a valid eight-digit number with check digit.`,
            },
          },
        ])
      }
      const clash = await req.payload.find({
        collection: 'algorithms',
        where: { lars: { equals: data.lars } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
        select: { name: true },
      })
      if (clash.docs[0]) {
        throwFieldErrors(req, 'algorithms', [
          {
            path: 'lars',
            message: {
              nl: `Algoritme-ID ${data.lars} is al in gebruik door ‘${clash.docs[0].name}’.`,
              en: `Algorithm ID ${data.lars} is already used by ‘${clash.docs[0].name}’.`,
            },
          },
        ])
      }
    } else {
      data.lars = await uniqueLars(req)
    }
    data.lang = data.lang || 'nld'
    data.workflow = {
      ...(data.workflow ?? {}),
      state: 'concept',
      transitionCount: 0,
      publishedRevisionCount: 0,
      versionEditors: user ? [Number(user.id)] : [],
      reviewOverdue: false,
    }
    return data
  }

  const previous = (originalDoc ?? {}) as Record<string, unknown>
  // Payload writes back the whole row, workflow included, as it read it before this hook. A
  // workflow step that committed in between (an approval, a withdrawal) would be undone, so
  // take the row lock (transitions take it too) and continue from the workflow as it is now.
  const current = await currentWorkflow(req, previous.id)
  const workflow = (current ?? previous.workflow ?? {}) as Record<string, unknown>
  if (current) data.workflow = { ...current }
  const incoming = Object.fromEntries(
    Object.entries(data).filter(
      ([key]) => !(NON_CONTENT_FIELDS as readonly string[]).includes(key),
    ),
  )
  const before = Object.fromEntries(Object.keys(incoming).map((key) => [key, previous[key]]))
  const changed = diffDocuments(before, incoming, { present: presentForAudit }).length > 0
  if (!changed) return data

  const state = (workflow.state ?? 'concept') as WorkflowState
  const edit = applyEdit(state)
  if (!edit.ok) throw new APIError(localise(req, edit.message), edit.status)
  const editors = Array.isArray(workflow.versionEditors)
    ? (workflow.versionEditors as number[])
    : []
  const editorId = user ? Number(user.id) : undefined
  data.workflow = {
    ...workflow,
    state: edit.to,
    versionEditors:
      editorId !== undefined && !editors.includes(editorId) ? [...editors, editorId] : editors,
  }
  return data
}
