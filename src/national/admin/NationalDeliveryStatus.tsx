'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import { useAdminText } from '../../admin/i18n/useAdminText'
import { DELIVERY_STATUSES } from '../deliveryStatus'

interface DeliveryView {
  status: string
  statusAt?: string | null
  reason?: string | null
  nationalLars?: string | null
  nextAttemptAt?: string | null
  driftCheckedAt?: string | null
  driftFields?: Array<{ field: string }> | null
}

/**
 * The algorithm's status in the national Algoritmeregister, in the sidebar: niet aangeleverd,
 * in de wachtrij, aangeleverd, vrijgegeven, ingetrokken or fout, since when and why, and any
 * fields that were changed there. Read through the API, so only members of the organisation
 * see it.
 */
export const NationalDeliveryStatus: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { text, language } = useAdminText()
  const [delivery, setDelivery] = useState<DeliveryView | null | undefined>(undefined)

  useEffect(() => {
    if (!id) return
    let cancelled = false
    const where = encodeURIComponent(String(id))
    fetch(
      `${config.routes.api}/national-deliveries?where[algorithm][equals]=${where}&depth=0&limit=1`,
      {
        credentials: 'include',
      },
    )
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { docs?: DeliveryView[] } | null) => {
        if (!cancelled) setDelivery(body?.docs?.[0] ?? null)
      })
      .catch(() => {
        if (!cancelled) setDelivery(null)
      })
    return () => {
      cancelled = true
    }
  }, [id, config.routes.api])

  if (!id || delivery === undefined) return null
  const status = delivery?.status ?? 'niet_aangeleverd'
  const label = DELIVERY_STATUSES.find((candidate) => candidate.value === status)?.label
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB'
  const time = (value?: string | null) =>
    value ? new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : ''
  return (
    <div className="national-delivery-status" style={{ marginBottom: 'var(--base)' }}>
      <strong>
        {text({ nl: 'Landelijk Algoritmeregister', en: 'National Algoritmeregister' })}
      </strong>
      <p style={{ margin: '4px 0' }}>
        {label ? text(label) : status}
        {delivery?.statusAt
          ? ` (${text({ nl: 'sinds', en: 'since' })} ${time(delivery.statusAt)})`
          : ''}
      </p>
      {delivery?.nationalLars ? (
        <p style={{ margin: '4px 0' }}>LARS: {delivery.nationalLars}</p>
      ) : null}
      {delivery?.reason ? (
        <p
          style={{
            margin: '4px 0',
            color: status === 'fout' ? 'var(--theme-error-500)' : undefined,
          }}
        >
          {delivery.reason}
        </p>
      ) : null}
      {delivery?.driftFields && delivery.driftFields.length > 0 ? (
        <p style={{ margin: '4px 0' }}>
          {text({
            nl: 'In het landelijke register anders dan hier: ',
            en: 'Different in the national register: ',
          })}
          {delivery.driftFields.map((drift) => drift.field).join(', ')}
        </p>
      ) : null}
    </div>
  )
}
