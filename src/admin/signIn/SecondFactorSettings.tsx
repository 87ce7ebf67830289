'use client'
import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import type React from 'react'
import { useState } from 'react'

import { useAdminText } from '../i18n/useAdminText'
import { EnrolmentCard } from './EnrolmentCard'
import { postJson, type Enrolment } from './signInApi'

/**
 * On a user's page. Your own account: set up or turn off two-factor authentication. A platform
 * admin on someone else's page: end all their sessions, or wipe a lost authenticator.
 */
export const SecondFactorSettings: React.FC = () => {
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { text } = useAdminText()
  const api = `${config.serverURL ?? ''}${config.routes.api}/users`
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  if (!user || id === undefined) return null
  const own = String(user.id) === String(id)
  const enabled = Boolean((user as { totpEnabledAt?: string | null }).totpEnabledAt)
  const isAdmin = (user as { isPlatformAdmin?: boolean | null }).isPlatformAdmin === true

  async function call(path: string, body: unknown, done: string): Promise<boolean> {
    const answer = await postJson<Enrolment>(`${api}${path}`, body)
    setMessage(
      answer.ok
        ? done
        : (answer.body.errors?.[0]?.message ??
            text({ nl: 'Dat is niet gelukt.', en: 'That did not work.' })),
    )
    return answer.ok
  }

  if (!own) {
    if (!isAdmin) return null
    return (
      <div className="field-type algoritmeregister-second-factor">
        <h4>{text({ nl: 'Inloggen van deze persoon', en: 'This person’s sign-in' })}</h4>
        <button
          type="button"
          className="btn btn--style-secondary"
          onClick={() =>
            void call(
              `/${id}/end-sessions`,
              {},
              text({ nl: 'Alle sessies zijn beëindigd.', en: 'All sessions were ended.' }),
            )
          }
        >
          {text({ nl: 'Alle sessies beëindigen', en: 'End all sessions' })}
        </button>{' '}
        <button
          type="button"
          className="btn btn--style-secondary"
          onClick={() =>
            void call(
              `/${id}/second-factor/reset`,
              {},
              text({
                nl: 'Tweestapsverificatie gewist; deze persoon stelt het opnieuw in.',
                en: 'Two-factor authentication wiped; this person sets it up again.',
              }),
            )
          }
        >
          {text({
            nl: 'Tweestapsverificatie wissen (telefoon kwijt)',
            en: 'Wipe two-factor authentication (lost phone)',
          })}
        </button>
        {message && <p role="status">{message}</p>}
      </div>
    )
  }

  return (
    <div className="field-type algoritmeregister-second-factor">
      <h4>{text({ nl: 'Tweestapsverificatie', en: 'Two-factor authentication' })}</h4>
      {!enabled && !enrolment && (
        <button
          type="button"
          className="btn btn--style-primary"
          onClick={async () => {
            const answer = await postJson<Enrolment>(`${api}/second-factor/enrolment`, {})
            if (answer.ok) setEnrolment(answer.body)
            else setMessage(answer.body.errors?.[0]?.message ?? null)
          }}
        >
          {text({ nl: 'Tweestapsverificatie instellen', en: 'Set up two-factor authentication' })}
        </button>
      )}
      {enrolment && <EnrolmentCard enrolment={enrolment} />}
      {(enrolment || enabled) && (
        <label>
          {enabled
            ? text({
                nl: 'Code om tweestapsverificatie uit te zetten',
                en: 'Code to turn two-factor authentication off',
              })
            : text({
                nl: 'Code uit de app om het instellen af te ronden',
                en: 'Code from the app to finish the setup',
              })}
          <input
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
      )}
      {enrolment && (
        <button
          type="button"
          className="btn btn--style-primary"
          onClick={async () => {
            if (
              await call(
                '/second-factor/confirm',
                { code },
                text({
                  nl: 'Tweestapsverificatie staat aan.',
                  en: 'Two-factor authentication is on.',
                }),
              )
            )
              setEnrolment(null)
          }}
        >
          {text({ nl: 'Bevestigen', en: 'Confirm' })}
        </button>
      )}
      {enabled && (
        <button
          type="button"
          className="btn btn--style-secondary"
          onClick={() =>
            void call(
              '/second-factor/disable',
              { code },
              text({
                nl: 'Tweestapsverificatie staat uit.',
                en: 'Two-factor authentication is off.',
              }),
            )
          }
        >
          {text({ nl: 'Uitzetten', en: 'Turn off' })}
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  )
}
