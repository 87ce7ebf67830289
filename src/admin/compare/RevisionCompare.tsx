'use client'
import { useConfig, useStepNav } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useId, useMemo, useState } from 'react'

import { formatDate } from '../i18n/pickText'
import { useAdminText } from '../i18n/useAdminText'
import { fieldTitle } from '../workflow/describeEdit'
import { errorMessageOf, type RevisionSummary, type WorkflowView } from '../workflow/workflowTypes'
import { presentValue } from './presentValue'
import { wordDiff, type DiffPart } from './wordDiff'

interface Change {
  field: string
  before: unknown
  after: unknown
}

interface Comparison {
  from: { revisionNumber: number; approvedAt?: string; changeSummary: string | null }
  to: { revisionNumber: number; approvedAt?: string; changeSummary: string | null }
  changes: Change[]
}

function numberParam(name: string): number | null {
  if (typeof window === 'undefined') return null
  const raw = new URLSearchParams(window.location.search).get(name)
  return raw && /^\d+$/.test(raw) ? Number(raw) : null
}

const Side: React.FC<{ parts: DiffPart[]; keep: 'removed' | 'added' }> = ({ parts, keep }) => (
  <>
    {parts
      .filter((part) => part.kind === 'same' || part.kind === keep)
      .map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : keep === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <ins key={index}>{part.text}</ins>
        ),
      )}
  </>
)

/**
 * Compares two approved revisions of one description: pick any two, see every changed field
 * side by side, with removed words struck through on the left and added words marked on the
 * right.
 */
export const RevisionCompare: React.FC<{ algorithmId: string | number; title: string }> = ({
  algorithmId,
  title,
}) => {
  const { config } = useConfig()
  const { setStepNav } = useStepNav()
  const { text, language } = useAdminText()
  const adminRoute = config.routes.admin

  useEffect(() => {
    setStepNav([
      {
        label: text({ nl: 'Algoritmes', en: 'Algorithms' }),
        url: `${adminRoute}/collections/algorithms`,
      },
      { label: title, url: `${adminRoute}/collections/algorithms/${algorithmId}` },
      { label: text({ nl: 'Versies vergelijken', en: 'Compare revisions' }) },
    ])
  }, [adminRoute, algorithmId, setStepNav, text, title])
  const api = config.routes.api
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null)
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | null>(null)
  const [comparison, setComparison] = useState<Comparison | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const fromId = useId()
  const toId = useId()

  useEffect(() => {
    let cancelled = false
    void (async () => {
      const response = await fetch(`${api}/algorithms/${algorithmId}/workflow`, {
        credentials: 'include',
      })
      const body: unknown = await response.json().catch(() => null)
      if (cancelled) return
      if (!response.ok) {
        setProblem(errorMessageOf(body) ?? String(response.status))
        return
      }
      const list = (body as WorkflowView).revisions
      setRevisions(list)
      const newest = list[0]?.revisionNumber ?? null
      const previous = list[1]?.revisionNumber ?? newest
      setTo(numberParam('to') ?? newest)
      setFrom(numberParam('from') ?? previous)
    })()
    return () => {
      cancelled = true
    }
  }, [api, algorithmId])

  useEffect(() => {
    if (from === null || to === null || from === to) {
      setComparison(null)
      return undefined
    }
    let cancelled = false
    const url = new URL(window.location.href)
    url.searchParams.set('from', String(from))
    url.searchParams.set('to', String(to))
    window.history.replaceState(null, '', url)
    void (async () => {
      const response = await fetch(
        `${api}/algorithms/${algorithmId}/compare?from=${from}&to=${to}`,
        {
          credentials: 'include',
        },
      )
      const body: unknown = await response.json().catch(() => null)
      if (cancelled) return
      if (!response.ok) {
        setProblem(errorMessageOf(body) ?? String(response.status))
        setComparison(null)
        return
      }
      setProblem(null)
      setComparison(body as Comparison)
    })()
    return () => {
      cancelled = true
    }
  }, [api, algorithmId, from, to])

  const rows = useMemo(
    () =>
      (comparison?.changes ?? []).map((change) => {
        const before = presentValue(change.before)
        const after = presentValue(change.after)
        return {
          field: change.field,
          title: fieldTitle(change.field, language) ?? change.field,
          parts: wordDiff(before, after),
        }
      }),
    [comparison, language],
  )

  const label = (revision: RevisionSummary) =>
    `${text({ nl: 'Versie', en: 'Revision' })} ${revision.revisionNumber} – ${formatDate(revision.approvedAt, language)}`

  if (problem && !revisions) return <p role="alert">{problem}</p>
  if (!revisions)
    return <p role="status">{text({ nl: 'Versies laden…', en: 'Loading revisions…' })}</p>
  if (revisions.length < 2) {
    return (
      <p className="ar-compare__empty">
        {text({
          nl: 'Er is nog maar één goedgekeurde versie (of geen). Na de volgende goedkeuring kunt u hier versies naast elkaar zien.',
          en: 'There is only one approved revision (or none). After the next approval you can compare revisions here.',
        })}
      </p>
    )
  }

  const selected = (number: number | null) => revisions.find((r) => r.revisionNumber === number)
  return (
    <div className="ar-compare" data-testid="revision-compare">
      <p>
        {text({
          nl: 'Kies twee goedgekeurde versies. U ziet alleen de velden die verschillen: links de oudere tekst, rechts de nieuwere.',
          en: 'Choose two approved revisions. You only see the fields that differ: the older text on the left, the newer on the right.',
        })}
      </p>
      <div className="ar-compare__pickers">
        <label htmlFor={fromId}>
          {text({ nl: 'Vergelijk', en: 'Compare' })}
          <select
            id={fromId}
            value={from ?? ''}
            onChange={(event) => setFrom(Number(event.target.value))}
          >
            {revisions.map((revision) => (
              <option key={revision.id} value={revision.revisionNumber}>
                {label(revision)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={toId}>
          {text({ nl: 'met', en: 'with' })}
          <select
            id={toId}
            value={to ?? ''}
            onChange={(event) => setTo(Number(event.target.value))}
          >
            {revisions.map((revision) => (
              <option key={revision.id} value={revision.revisionNumber}>
                {label(revision)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {from === to && (
        <p>
          {text({ nl: 'Kies twee verschillende versies.', en: 'Choose two different revisions.' })}
        </p>
      )}
      {problem && <p role="alert">{problem}</p>}
      {comparison && (
        <>
          {comparison.to.changeSummary && (
            <p className="ar-compare__summary">
              <strong>
                {text({ nl: 'Toelichting bij versie ', en: 'Note with revision ' })}
                {comparison.to.revisionNumber}:{' '}
              </strong>
              {comparison.to.changeSummary}
            </p>
          )}
          {rows.length === 0 ? (
            <p>{text({ nl: 'Deze versies zijn gelijk.', en: 'These revisions are the same.' })}</p>
          ) : (
            <table className="ar-compare__table">
              <thead>
                <tr>
                  <th scope="col">{text({ nl: 'Veld', en: 'Field' })}</th>
                  <th scope="col">
                    {selected(comparison.from.revisionNumber)
                      ? label(selected(comparison.from.revisionNumber) as RevisionSummary)
                      : comparison.from.revisionNumber}
                  </th>
                  <th scope="col">
                    {selected(comparison.to.revisionNumber)
                      ? label(selected(comparison.to.revisionNumber) as RevisionSummary)
                      : comparison.to.revisionNumber}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.field} data-field={row.field}>
                    <th scope="row">{row.title}</th>
                    <td className="ar-compare__before">
                      <Side parts={row.parts} keep="removed" />
                    </td>
                    <td className="ar-compare__after">
                      <Side parts={row.parts} keep="added" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  )
}
