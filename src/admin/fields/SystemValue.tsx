'use client'
import { getTranslation } from '@payloadcms/translations'
import { useField, useTranslation } from '@payloadcms/ui'
import type { StaticLabel } from 'payload'
import type React from 'react'

import { useAdminText } from '../i18n/useAdminText'
import { formatDate } from '../i18n/pickText'

const LANGUAGES: Record<string, { nl: string; en: string }> = {
  nld: { nl: 'Nederlands', en: 'Dutch' },
}

/**
 * A value the system sets (Algoritme-ID, standard version, language, first publication), shown
 * as text instead of an input nobody may fill in; nothing at all while it is still empty. The
 * value stays in the form, so a save sends it back unchanged.
 */
export const SystemValue: React.FC<{
  field?: { label?: unknown; name?: string }
  path: string
}> = ({ field, path }) => {
  const { value } = useField<unknown>({ path })
  const { i18n } = useTranslation()
  const { text, language } = useAdminText()
  if (value === undefined || value === null || value === '') return null
  const raw = String(value)
  const shown =
    field?.name === 'lang' && LANGUAGES[raw]
      ? text(LANGUAGES[raw])
      : field?.name === 'publication_dt' && !Number.isNaN(Date.parse(raw))
        ? formatDate(raw, language)
        : raw
  const label = field?.label ? getTranslation(field.label as StaticLabel, i18n) : ''
  return (
    <div className="field-type ar-system-value" data-system-field={field?.name}>
      <span className="ar-system-value__label">{label}</span>
      <span className="ar-system-value__value">{shown}</span>
    </div>
  )
}
