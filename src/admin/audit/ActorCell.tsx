'use client'
import type React from 'react'

import { useAdminText } from '../i18n/useAdminText'

/**
 * The "Gebruiker" column of the audit history: events without a person (jobs, imports on the
 * command line, the system itself) say "Systeem" instead of Payload's 'Geen "Gebruiker"'.
 */
export const ActorCell: React.FC<{ cellData?: unknown }> = ({ cellData }) => {
  const { text } = useAdminText()
  if (typeof cellData === 'string' && cellData.trim() !== '') return <span>{cellData}</span>
  return <span className="ar-system-actor">{text({ nl: 'Systeem', en: 'System' })}</span>
}
