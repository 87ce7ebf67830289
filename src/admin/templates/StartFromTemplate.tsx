'use client'
import { Button, Drawer, useAuth, useConfig, useDocumentInfo, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type React from 'react'
import { useEffect, useId, useState } from 'react'

import { organisationIdsFor } from '../../../access/organisationIdsFor'
import { WRITER_ROLES } from '../../../access/roles'
import { useAdminText } from '../i18n/useAdminText'
import { keepFlashMessage } from '../workflow/flashMessage'
import { errorMessageOf } from '../workflow/workflowTypes'
import {
  othersOnly,
  publishedDescriptionsOf,
  type PublishedDescription,
} from './publishedDescriptions'
import '../styles/registerAdmin.scss'

const DRAWER_SLUG = 'algoritmeregister-template'
const SEARCH_DELAY_MS = 300
/** Results shown; more are asked for, because the person's own organisations are left out. */
const SHOWN = 10
const ASKED = 40

function codesOf(body: unknown): string[] {
  const docs = (body as { docs?: unknown } | null)?.docs
  if (!Array.isArray(docs)) return []
  return docs.flatMap((doc) => {
    const code = (doc as { code?: unknown } | null)?.code
    return typeof code === 'string' ? [code] : []
  })
}

/**
 * "Begin met een voorbeeld": search the published descriptions of other organisations and start
 * a new description as a copy of one. Shown above the list of algorithms and at the top of a new
 * description; on an existing description it renders nothing.
 */
export const StartFromTemplate: React.FC<{ placement?: 'list' | 'create' }> = ({
  placement = 'list',
}) => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const router = useRouter()
  const { openModal, closeModal, isModalOpen } = useModal()
  const { text } = useAdminText()
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<PublishedDescription[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [ownCodes, setOwnCodes] = useState<string[] | null>(null)
  const searchId = useId()
  const open = isModalOpen(DRAWER_SLUG)
  const ownIds = organisationIdsFor(user).join(',')

  // The TOOI codes of the person's own organisations, to leave their descriptions out.
  useEffect(() => {
    if (!open || ownCodes !== null) return undefined
    let cancelled = false
    void (async () => {
      if (ownIds === '') {
        setOwnCodes([])
        return
      }
      const params = new URLSearchParams({ depth: '0', limit: '100', 'where[id][in]': ownIds })
      const response = await fetch(`${config.routes.api}/organisations?${params.toString()}`, {
        credentials: 'include',
      }).catch(() => null)
      const body: unknown = response?.ok ? await response.json().catch(() => null) : null
      if (!cancelled) setOwnCodes(codesOf(body))
    })()
    return () => {
      cancelled = true
    }
  }, [open, ownCodes, ownIds, config.routes.api])

  useEffect(() => {
    if (!open || ownCodes === null) return undefined
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ pageSize: String(ASKED) })
        if (query.trim()) params.set('q', query.trim())
        const response = await fetch(`/register/v1/algorithms?${params.toString()}`, {
          headers: { accept: 'application/json' },
        })
        const body: unknown = await response.json().catch(() => null)
        if (!response.ok) {
          setResults([])
          setProblem(
            text({
              nl: 'Zoeken in het openbare register lukt nu niet. Probeer het later opnieuw.',
              en: 'Searching the public register does not work right now. Try again later.',
            }),
          )
          return
        }
        setProblem(null)
        setResults(othersOnly(publishedDescriptionsOf(body), ownCodes, SHOWN))
      } catch (_error) {
        setResults([])
      }
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [open, query, text, ownCodes])

  if (placement === 'create' && id !== undefined && id !== null) return null
  // Auditors and people without a writing role cannot start a description.
  const canWrite =
    (user as { isPlatformAdmin?: boolean | null } | null)?.isPlatformAdmin === true ||
    organisationIdsFor(user, WRITER_ROLES).length > 0
  if (!canWrite) return null

  const start = async (description: PublishedDescription) => {
    setBusy(description.lars)
    setProblem(null)
    try {
      const response = await fetch(`${config.routes.api}/algorithms/from-template`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lars: description.lars }),
      })
      const body: unknown = await response.json().catch(() => null)
      const created =
        (body as { doc?: { id?: unknown }; id?: unknown } | null)?.doc?.id ??
        (body as { id?: unknown } | null)?.id
      if (!response.ok || (typeof created !== 'number' && typeof created !== 'string')) {
        setProblem(
          errorMessageOf(body) ??
            text({
              nl: 'Dat lukte niet. Probeer het opnieuw.',
              en: 'That did not work. Try again.',
            }),
        )
        return
      }
      keepFlashMessage((body as { message?: string } | null)?.message)
      closeModal(DRAWER_SLUG)
      router.push(`${config.routes.admin}/collections/algorithms/${created}`)
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className={`ar-template ar-template--${placement}`} data-testid="start-from-template">
      <p>
        {placement === 'list'
          ? text({
              nl: 'Gebruikt een andere organisatie hetzelfde algoritme? Begin dan met hun gepubliceerde beschrijving en pas die aan.',
              en: 'Does another organisation use the same algorithm? Start from their published description and adapt it.',
            })
          : text({
              nl: 'Liever niet met een leeg formulier beginnen? Kies een gepubliceerde beschrijving van een andere organisatie als voorbeeld.',
              en: 'Rather not start from an empty form? Pick another organisation’s published description as an example.',
            })}
      </p>
      <Button buttonStyle="secondary" size="medium" onClick={() => openModal(DRAWER_SLUG)}>
        {text({ nl: 'Begin met een voorbeeld', en: 'Start from a template' })}
      </Button>
      <Drawer
        slug={DRAWER_SLUG}
        title={text({ nl: 'Begin met een voorbeeld', en: 'Start from a template' })}
      >
        <div className="ar-template__drawer">
          <p>
            {text({
              nl: 'U krijgt een kopie als nieuw concept van uw organisatie. Daarna past u de tekst aan uw situatie aan. Bij de kopie staat waar zij vandaan komt.',
              en: 'You get a copy as a new draft of your organisation. Then you adapt the text to your situation. The copy remembers where it came from.',
            })}
          </p>
          <label htmlFor={searchId} className="ar-template__label">
            {text({ nl: 'Zoek op naam of onderwerp', en: 'Search by name or subject' })}
          </label>
          <input
            id={searchId}
            type="search"
            className="ar-template__search"
            value={query}
            placeholder={text({ nl: 'Bijvoorbeeld: parkeren', en: 'For example: parking' })}
            onChange={(event) => setQuery(event.target.value)}
          />
          {problem && (
            <p role="alert" className="ar-dialog__error">
              {problem}
            </p>
          )}
          {results === null && <p role="status">{text({ nl: 'Zoeken…', en: 'Searching…' })}</p>}
          {results !== null && results.length === 0 && !problem && (
            <p>
              {text({
                nl: 'Niets gevonden. Probeer een ander woord.',
                en: 'Nothing found. Try another word.',
              })}
            </p>
          )}
          <ul className="ar-template__results">
            {(results ?? []).map((description) => (
              <li key={description.lars}>
                <h4>{description.name}</h4>
                {description.organisation && (
                  <p className="ar-panel__meta">{description.organisation}</p>
                )}
                {description.summary && <p>{description.summary}</p>}
                <Button
                  size="small"
                  disabled={busy !== null}
                  onClick={() => void start(description)}
                >
                  {busy === description.lars
                    ? text({ nl: 'Bezig…', en: 'Working…' })
                    : text({ nl: 'Gebruik als voorbeeld', en: 'Use as template' })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      </Drawer>
    </div>
  )
}
