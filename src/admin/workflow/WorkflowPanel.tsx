'use client'
import {
  Button,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useFormFields,
  useFormModified,
  useModal,
} from '@payloadcms/ui'
import type React from 'react'
import { useCallback, useEffect, useState } from 'react'

import type { Bilingual } from '../../i18n/localise'
import type { MembershipRole, WorkflowAction, WorkflowState } from '../../workflow/stateMachine'
import { formatDate, formatDateTime } from '../i18n/pickText'
import { useAdminText } from '../i18n/useAdminText'
import { ActionDialog, type DialogInput } from './ActionDialog'
import { CompletenessMeter } from './CompletenessMeter'
import { PlainLanguageOverview } from './PlainLanguageOverview'
import { keepFlashMessage, takeFlashMessage } from './flashMessage'
import { HistoryTimeline } from './HistoryTimeline'
import { visibleActions, type PanelAction } from './visibleActions'
import { errorMessageOf, type WorkflowView } from './workflowTypes'
import '../styles/registerAdmin.scss'

/** What the person looking at the description can do next, per state and perspective. */
const GUIDANCE: Record<WorkflowState, { writer: Bilingual; reviewer?: Bilingual }> = {
  concept: {
    writer: {
      nl: 'Vul de beschrijving aan en sla op. Dien haar daarna in: een goedkeurder leest haar na.',
      en: 'Complete the description and save. Then submit it: a reviewer will read it.',
    },
  },
  ter_beoordeling: {
    writer: {
      nl: 'Een goedkeurder leest deze versie na. U hoort het als er iets moet veranderen.',
      en: 'A reviewer is reading this version. You will hear if anything needs to change.',
    },
    reviewer: {
      nl: 'Lees de beschrijving na. Keur haar goed, of zet haar terug met een opmerking over wat er anders moet.',
      en: 'Read the description. Approve it, or send it back with a comment on what needs to change.',
    },
  },
  teruggezet: {
    writer: {
      nl: 'De goedkeurder vraagt om aanpassingen. Lees de opmerking, pas de tekst aan, sla op en dien opnieuw in.',
      en: 'The reviewer asks for changes. Read the comment, change the text, save and submit again.',
    },
  },
  gepubliceerd: {
    writer: {
      nl: 'Deze versie staat in het openbare register. Wijzigt u iets, dan ontstaat een nieuw concept. De openbare versie blijft staan tot de nieuwe is goedgekeurd.',
      en: 'This version is in the public register. If you change something, a new draft starts. The public version stays until the new one is approved.',
    },
  },
  gedepubliceerd: {
    writer: {
      nl: 'Deze beschrijving is uit het openbare register gehaald. Heropen haar om er weer aan te werken.',
      en: 'This description was taken out of the public register. Reopen it to work on it again.',
    },
  },
  gearchiveerd: {
    writer: {
      nl: 'Deze beschrijving is gearchiveerd. Heropen haar om er weer aan te werken.',
      en: 'This description is archived. Reopen it to work on it again.',
    },
  },
}

interface PanelUser {
  id?: number | string
  isPlatformAdmin?: boolean | null
  memberships?: Array<{
    organisation?: number | { id: number } | null
    role?: string | null
  }> | null
}

function rolesIn(user: PanelUser | null | undefined, organisationId: unknown): MembershipRole[] {
  const wanted =
    typeof organisationId === 'object' && organisationId
      ? (organisationId as { id: unknown }).id
      : organisationId
  return (user?.memberships ?? [])
    .filter((membership) => {
      const id =
        typeof membership.organisation === 'object' && membership.organisation
          ? membership.organisation.id
          : membership.organisation
      return id !== undefined && id !== null && String(id) === String(wanted)
    })
    .map((membership) => membership.role as MembershipRole)
}

/**
 * The workflow panel in the sidebar of an algorithm: the state and what to do next, the
 * reviewer's comment, the steps the user may take (each through a dialog), how complete the
 * description is, which revision is public since when, the approved revisions and the history.
 * It replaces the read-only workflow fields, which it reads from the workflow endpoint.
 */
export const WorkflowPanel: React.FC = () => {
  const { id, savedDocumentData, unlockDocument } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth()
  const modified = useFormModified()
  const organisation = useFormFields(([fields]) => fields.organization?.value)
  const { openModal } = useModal()
  const { text, language } = useAdminText()
  const [view, setView] = useState<WorkflowView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [chosen, setChosen] = useState<PanelAction | null>(null)
  const api = config.routes.api
  const dialogSlug = `workflow-action-${id ?? 'new'}`
  const savedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    try {
      const response = await fetch(`${api}/algorithms/${id}/workflow`, { credentials: 'include' })
      const body: unknown = await response.json().catch(() => null)
      if (!response.ok) {
        setLoadError(errorMessageOf(body) ?? String(response.status))
        return
      }
      setView(body as WorkflowView)
      setLoadError(null)
    } catch (_error) {
      setLoadError(
        text({
          nl: 'De publicatiestatus kon niet worden geladen. Controleer de verbinding en ververs de pagina.',
          en: 'The workflow could not be loaded. Check the connection and refresh the page.',
        }),
      )
    }
  }, [api, id, text])

  // Reload after every save: an edit can change what is allowed (four-eyes, completeness).
  useEffect(() => {
    void load()
  }, [load, savedAt])

  useEffect(() => {
    const flash = takeFlashMessage()
    if (flash) toast.success(flash)
  }, [])

  const perform = useCallback(
    async (action: WorkflowAction, input: DialogInput): Promise<string | null> => {
      if (!view) return null
      try {
        const response = await fetch(`${api}/algorithms/${id}/transition`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action, expectedState: view.state, ...input }),
        })
        const body: unknown = await response.json().catch(() => null)
        if (!response.ok) {
          return (
            errorMessageOf(body) ??
            text({
              nl: 'Dat lukte niet. Probeer het opnieuw.',
              en: 'That did not work. Try again.',
            })
          )
        }
        // After a step nobody is editing any more: release Payload's edit lock for the others.
        await unlockDocument(id as number | string, 'algorithms').catch(() => undefined)
        // The whole form holds the old workflow values; a fresh page is the safe way to continue.
        keepFlashMessage(errorMessageOf(body))
        window.location.reload()
        return null
      } catch (_error) {
        return text({
          nl: 'Geen verbinding met de server. Uw stap is niet uitgevoerd.',
          en: 'No connection to the server. Your step was not taken.',
        })
      }
    },
    [api, id, text, unlockDocument, view],
  )

  if (id === undefined || id === null) {
    return (
      <div className="ar-panel" data-testid="workflow-panel">
        <section className="ar-panel__section">
          <h3 className="ar-panel__heading">{text({ nl: 'Publicatie', en: 'Publication' })}</h3>
          <p>
            {text({
              nl: 'Sla de beschrijving eerst op. Daarna kunt u haar indienen ter beoordeling.',
              en: 'Save the description first. Then you can submit it for review.',
            })}
          </p>
        </section>
        <CompletenessMeter />
      </div>
    )
  }

  if (!view) {
    return (
      <div className="ar-panel" data-testid="workflow-panel">
        <p role={loadError ? 'alert' : 'status'}>
          {loadError ?? text({ nl: 'Publicatiestatus laden…', en: 'Loading workflow…' })}
        </p>
      </div>
    )
  }

  const panelUser = user as PanelUser | null
  const actions = visibleActions(view.actions, view.state, view.public !== null, {
    roles: rolesIn(panelUser, organisation),
    isPlatformAdmin: panelUser?.isPlatformAdmin === true,
  })
  const reviews = actions.some(
    (action) => action.action === 'approve' || action.action === 'request_changes',
  )
  const guidance = GUIDANCE[view.state]
  const lastRequest = view.history.find(
    (event) =>
      event.eventType === 'transition' && event.comment && event.comment === view.lastComment,
  )

  return (
    <div className="ar-panel" data-testid="workflow-panel">
      <section className="ar-panel__section">
        <h3 className="ar-panel__heading">{text({ nl: 'Publicatie', en: 'Publication' })}</h3>
        <p>
          <span className={`ar-state ar-state--${view.state}`} data-testid="workflow-state">
            {view.stateLabel}
          </span>
        </p>
        <p className="ar-panel__guidance">
          {text(reviews && guidance.reviewer ? guidance.reviewer : guidance.writer)}
        </p>
        {view.state === 'ter_beoordeling' && view.submittedBy && (
          <p className="ar-panel__meta">
            {text({ nl: 'Ingediend door ', en: 'Submitted by ' })}
            {view.submittedBy}
            {view.submittedAt ? `, ${formatDateTime(view.submittedAt, language)}` : ''}
          </p>
        )}
      </section>

      {view.lastComment && (view.state === 'teruggezet' || view.state === 'ter_beoordeling') && (
        <section
          className={`ar-panel__section ar-comment${view.state === 'teruggezet' ? ' ar-comment--open' : ''}`}
          data-testid="workflow-comment"
        >
          <h3 className="ar-panel__heading">
            {view.state === 'teruggezet'
              ? text({ nl: 'Opmerking van de goedkeurder', en: 'Comment from the reviewer' })
              : text({ nl: 'Vorige opmerking (ter controle)', en: 'Previous comment (to check)' })}
          </h3>
          <blockquote>{view.lastComment}</blockquote>
          {lastRequest?.actorName && (
            <p className="ar-panel__meta">
              {lastRequest.actorName}
              {lastRequest.occurredAt
                ? `, ${formatDateTime(lastRequest.occurredAt, language)}`
                : ''}
            </p>
          )}
        </section>
      )}

      {view.state === 'ter_beoordeling' && view.changeSummary && (
        <section className="ar-panel__section">
          <h3 className="ar-panel__heading">
            {text({ nl: 'Toelichting van de indiener', en: 'Note from the submitter' })}
          </h3>
          <blockquote>{view.changeSummary}</blockquote>
        </section>
      )}

      {actions.length > 0 && (
        <section className="ar-panel__section ar-actions" data-testid="workflow-actions">
          <h3 className="ar-panel__heading">{text({ nl: 'Volgende stap', en: 'Next step' })}</h3>
          {modified && (
            <p className="ar-actions__unsaved" role="status">
              {text({
                nl: 'U hebt wijzigingen die nog niet zijn opgeslagen. Sla eerst op. Daarna kunt u verder.',
                en: 'You have unsaved changes. Save first; then you can continue.',
              })}
            </p>
          )}
          {actions.map((action) => (
            <div key={action.action} className="ar-actions__item">
              <Button
                buttonStyle={
                  action.action === 'submit' || action.action === 'approve'
                    ? 'primary'
                    : 'secondary'
                }
                size="medium"
                disabled={action.blocked || modified}
                extraButtonProps={{ 'data-action': action.action }}
                onClick={() => {
                  setChosen(action)
                  openModal(dialogSlug)
                }}
              >
                {action.label}
              </Button>
              {action.blocked && action.reason && (
                <p className="ar-actions__reason" data-reason-for={action.action}>
                  {action.reason}
                </p>
              )}
              {!action.blocked &&
                action.warnings.map((warning) => (
                  <p key={warning} className="ar-actions__warning">
                    {warning}
                  </p>
                ))}
            </div>
          ))}
        </section>
      )}

      <CompletenessMeter />

      <PlainLanguageOverview />

      <section className="ar-panel__section" data-testid="workflow-public">
        <h3 className="ar-panel__heading">
          {text({ nl: 'Openbare versie', en: 'Public version' })}
        </h3>
        {view.public?.revision ? (
          <p>
            {text({
              nl: `Versie ${view.public.revision.revisionNumber} staat openbaar sinds ${formatDateTime(view.public.since, language)}.`,
              en: `Revision ${view.public.revision.revisionNumber} has been public since ${formatDateTime(view.public.since, language)}.`,
            })}
            {view.state !== 'gepubliceerd' &&
              text({
                nl: ' De wijzigingen hier zijn nog niet openbaar.',
                en: ' The changes here are not public yet.',
              })}
          </p>
        ) : (
          <p>{text({ nl: 'Nog niet openbaar.', en: 'Not public yet.' })}</p>
        )}
        {view.reviewDueAt && (
          <p className={view.reviewOverdue ? 'ar-panel__overdue' : 'ar-panel__meta'}>
            {view.reviewOverdue
              ? text({
                  nl: `Herziening was nodig vóór ${formatDate(view.reviewDueAt, language)}. Kijk of de beschrijving nog klopt.`,
                  en: `Review was due before ${formatDate(view.reviewDueAt, language)}. Check that the description is still correct.`,
                })
              : text({
                  nl: `Controleer de beschrijving opnieuw vóór ${formatDate(view.reviewDueAt, language)}.`,
                  en: `Check the description again before ${formatDate(view.reviewDueAt, language)}.`,
                })}
          </p>
        )}
      </section>

      {view.revisions.length > 0 && (
        <section className="ar-panel__section" data-testid="workflow-revisions">
          <h3 className="ar-panel__heading">
            {text({ nl: 'Goedgekeurde versies', en: 'Approved revisions' })}
          </h3>
          <ul className="ar-revisions">
            {view.revisions.map((revision) => (
              <li key={revision.id}>
                <strong>
                  {text({ nl: 'Versie ', en: 'Revision ' })}
                  {revision.revisionNumber}
                </strong>
                {view.public?.revision?.id === revision.id &&
                  text({ nl: ' (openbaar)', en: ' (public)' })}
                <br />
                <span className="ar-panel__meta">
                  {formatDate(revision.approvedAt, language)}
                  {revision.approvedByName
                    ? text({
                        nl: `, goedgekeurd door ${revision.approvedByName}`,
                        en: `, approved by ${revision.approvedByName}`,
                      })
                    : ''}
                </span>
                {revision.changeSummary && (
                  <span className="ar-revisions__summary">{revision.changeSummary}</span>
                )}
              </li>
            ))}
          </ul>
          {view.revisions.length > 1 && (
            <a
              className="ar-link-button"
              href={`${config.routes.admin}/collections/algorithms/${id}/vergelijken?from=${view.revisions[1].revisionNumber}&to=${view.revisions[0].revisionNumber}`}
            >
              {text({ nl: 'Versies vergelijken', en: 'Compare revisions' })}
            </a>
          )}
        </section>
      )}

      <HistoryTimeline
        events={view.history}
        title={(savedDocumentData as { name?: string } | undefined)?.name}
      />

      {chosen && (
        <ActionDialog
          slug={dialogSlug}
          action={chosen}
          onConfirm={(input) => perform(chosen.action, input)}
        />
      )}
    </div>
  )
}
