import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { asAccessUser } from '../access/accessUser'
import { diffDocuments } from '../src/audit/diffDocuments'
import { presentForAudit } from '../src/audit/presentForAudit'
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
  const incoming = Object.fromEntries(
    Object.entries(data).filter(
      ([key]) => !(NON_CONTENT_FIELDS as readonly string[]).includes(key),
    ),
  )
  const before = Object.fromEntries(Object.keys(incoming).map((key) => [key, previous[key]]))
  const changed = diffDocuments(before, incoming, { present: presentForAudit }).length > 0
  if (!changed) return data

  const workflow = (previous.workflow ?? {}) as Record<string, unknown>
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
