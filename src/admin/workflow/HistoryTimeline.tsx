'use client'
import type React from 'react'
import { useState } from 'react'

import type { Bilingual } from '../../i18n/localise'
import { formatDateTime } from '../i18n/pickText'
import { useAdminText } from '../i18n/useAdminText'
import { describeEdit } from './describeEdit'
import type { HistoryEvent } from './workflowTypes'

const EVENT_LABELS: Record<string, Bilingual> = {
  create: { nl: 'Aangemaakt', en: 'Created' },
  update: { nl: 'Gewijzigd', en: 'Edited' },
  transition: { nl: 'Stap in het publicatieproces', en: 'Workflow step' },
  restore: { nl: 'Oude versie teruggezet', en: 'Revision restored' },
  import: { nl: 'Geïmporteerd', en: 'Imported' },
  template: { nl: 'Gestart vanuit voorbeeld', en: 'Started from template' },
}

const SHOWN_AT_FIRST = 6

/** What happened to the description, newest first, from the audit history. */
export const HistoryTimeline: React.FC<{ events: HistoryEvent[]; title?: string }> = ({
  events,
  title,
}) => {
  const { text, language } = useAdminText()
  const [all, setAll] = useState(false)
  // A workflow step also records its bookkeeping as an edit; only edits of content are news.
  const meaningful = events.filter(
    (event) =>
      event.eventType !== 'update' ||
      !/\(.*\)\s*$/.test(event.summary ?? '') ||
      describeEdit(event.summary, language) !== null,
  )
  if (meaningful.length === 0) return null
  const shown = all ? meaningful : meaningful.slice(0, SHOWN_AT_FIRST)
  const summaryOf = (event: HistoryEvent): string => {
    if (event.eventType === 'update') {
      const fields = describeEdit(event.summary, language)
      return fields ? `${text(EVENT_LABELS.update)}: ${fields}` : text(EVENT_LABELS.update)
    }
    if (event.eventType === 'transition' || !EVENT_LABELS[event.eventType]) {
      // "Indienen ter beoordeling: <name> (Concept → Ter beoordeling)": the name is on the page.
      const summary = event.summary ?? ''
      return title ? summary.replace(`: ${title} (`, ' (') : summary
    }
    return text(EVENT_LABELS[event.eventType])
  }
  return (
    <section className="ar-panel__section" data-testid="workflow-history">
      <h3 className="ar-panel__heading">{text({ nl: 'Geschiedenis', en: 'History' })}</h3>
      <ol className="ar-timeline">
        {shown.map((event) => (
          <li key={event.id} className={`ar-timeline__item ar-timeline__item--${event.eventType}`}>
            <p className="ar-timeline__meta">
              <time dateTime={event.occurredAt ?? undefined}>
                {formatDateTime(event.occurredAt, language)}
              </time>
              {event.actorName && (
                <>
                  {' · '}
                  {event.actorName}
                  {event.actorRole ? ` (${event.actorRole})` : ''}
                </>
              )}
            </p>
            <p className="ar-timeline__summary">{summaryOf(event)}</p>
            {event.comment && (
              <blockquote className="ar-timeline__comment">{event.comment}</blockquote>
            )}
          </li>
        ))}
      </ol>
      {meaningful.length > SHOWN_AT_FIRST && (
        <button type="button" className="ar-link-button" onClick={() => setAll(!all)}>
          {all
            ? text({ nl: 'Minder tonen', en: 'Show less' })
            : text({
                nl: `Alle ${meaningful.length} gebeurtenissen tonen`,
                en: `Show all ${meaningful.length} events`,
              })}
        </button>
      )}
    </section>
  )
}
