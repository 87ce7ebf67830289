import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import type React from 'react'

import { adminLanguageOf, pickText } from '../i18n/pickText'
import { RevisionCompare } from './RevisionCompare'
import '../styles/registerAdmin.scss'

/**
 * The "Versies vergelijken" tab of an algorithm (/admin/collections/algorithms/:id/vergelijken):
 * two approved revisions side by side.
 */
export const CompareView: React.FC<DocumentViewServerProps> = ({ doc, i18n }) => {
  const language = adminLanguageOf(i18n?.language)
  const { id, name } = (doc ?? {}) as { id?: string | number; name?: string }
  return (
    <Gutter className="ar-compare-view">
      <h2>{pickText(language, { nl: 'Versies vergelijken', en: 'Compare revisions' })}</h2>
      {id === undefined ? (
        <p>
          {pickText(language, {
            nl: 'Sla de beschrijving eerst op.',
            en: 'Save the description first.',
          })}
        </p>
      ) : (
        <RevisionCompare algorithmId={id} title={name ?? String(id)} />
      )}
    </Gutter>
  )
}
