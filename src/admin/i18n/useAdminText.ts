'use client'
import { useTranslation } from '@payloadcms/ui'
import { useCallback } from 'react'

import type { Bilingual } from '../../i18n/localise'
import { adminLanguageOf, pickText, type AdminLanguage } from './pickText'

/** The admin's language and a function that picks the Dutch or English text. */
export function useAdminText(): { language: AdminLanguage; text: (value: Bilingual) => string } {
  const { i18n } = useTranslation()
  const language = adminLanguageOf(i18n.language)
  const text = useCallback((value: Bilingual) => pickText(language, value), [language])
  return { language, text }
}
