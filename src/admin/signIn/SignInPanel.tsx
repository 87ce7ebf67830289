'use client'
import { useConfig } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useState } from 'react'

import { isOidcFailure, OIDC_FAILURE_PARAM, OIDC_FAILURES } from '../../auth/oidc/oidcErrors'
import { useAdminText } from '../i18n/useAdminText'
import { EnrolmentCard } from './EnrolmentCard'
import { postJson, type Enrolment } from './signInApi'
import '../styles/registerAdmin.scss'

interface ProviderButton {
  id: string
  label: string
  url: string
}

type Step = 'password' | 'code' | 'enrol'

/**
 * The register's login (above Payload's own form, which it replaces): buttons for the
 * organisation accounts, the reason when such a login was refused, and a password form that
 * asks for the second factor or sets it up when the server says so. Payload's own form cannot
 * send a code, so it is hidden.
 */
export const SignInPanel: React.FC = () => {
  const { config } = useConfig()
  const { text } = useAdminText()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [providers, setProviders] = useState<ProviderButton[]>([])
  const [passwordLogin, setPasswordLogin] = useState(true)
  const [failure, setFailure] = useState<string | null>(null)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [step, setStep] = useState<Step>('password')
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const reason = new URLSearchParams(window.location.search).get(OIDC_FAILURE_PARAM)
    if (isOidcFailure(reason)) setFailure(text(OIDC_FAILURES[reason]))
    fetch(`${api}/users/oidc/providers`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { providers?: ProviderButton[]; passwordLogin?: boolean } | null) => {
        setProviders(body?.providers ?? [])
        setPasswordLogin(body?.passwordLogin !== false)
      })
      .catch(() => setProviders([]))
  }, [api, text])

  async function submit(event: React.FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    setMessage(null)
    try {
      const answer = await postJson<{ token?: string }>(`${api}/users/login`, {
        email,
        password,
        ...(step === 'password' ? {} : { code }),
      })
      if (answer.ok) {
        const redirect = new URLSearchParams(window.location.search).get('redirect')
        const admin = config.routes.admin
        window.location.assign(redirect?.startsWith(admin) ? redirect : admin)
        return
      }
      const problem = answer.body.errors?.[0]
      setMessage(problem?.message ?? text({ nl: 'Inloggen is niet gelukt.', en: 'Login failed.' }))
      if (problem?.data?.signIn === 'second-factor-required') setStep('code')
      if (problem?.data?.signIn === 'enrolment-required') {
        const started = await postJson<Enrolment>(`${api}/users/second-factor/enrolment`, {
          email,
          password,
        })
        if (started.ok) {
          setEnrolment(started.body)
          setStep('enrol')
        } else {
          setMessage(started.body.errors?.[0]?.message ?? null)
        }
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="algoritmeregister-sign-in">
      {/* Payload's own form cannot carry the second factor; this panel takes its place. */}
      <style>{'.login__form { display: none !important; }'}</style>
      {failure && (
        <p role="alert" className="algoritmeregister-sign-in__failure">
          {failure}
        </p>
      )}
      {providers.length > 0 && (
        <div className="algoritmeregister-sign-in__providers">
          {providers.map((provider) => (
            <a
              key={provider.id}
              className="btn btn--style-primary btn--size-large"
              href={provider.url}
            >
              {provider.label}
            </a>
          ))}
        </div>
      )}
      {passwordLogin && (
        <form onSubmit={(event) => void submit(event)} className="algoritmeregister-sign-in__form">
          {providers.length > 0 && (
            <p>
              {text({
                nl: 'Of log in met uw e-mailadres en wachtwoord:',
                en: 'Or log in with your e-mail address and password:',
              })}
            </p>
          )}
          <label>
            {text({ nl: 'E-mailadres', en: 'E-mail address' })}
            <input
              id="register-sign-in-email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              disabled={step !== 'password'}
            />
          </label>
          <label>
            {text({ nl: 'Wachtwoord', en: 'Password' })}
            <input
              id="register-sign-in-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={step !== 'password'}
            />
          </label>
          {enrolment && step === 'enrol' && <EnrolmentCard enrolment={enrolment} />}
          {step !== 'password' && (
            <label>
              {step === 'enrol'
                ? text({
                    nl: 'Code uit uw authenticator-app (om het instellen af te ronden)',
                    en: 'Code from your authenticator app (to finish the setup)',
                  })
                : text({
                    nl: 'Code uit uw authenticator-app, of een herstelcode',
                    en: 'Code from your authenticator app, or a recovery code',
                  })}
              <input
                id="register-sign-in-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoFocus
              />
            </label>
          )}
          {message && <p role="alert">{message}</p>}
          <button type="submit" className="btn btn--style-primary btn--size-large" disabled={busy}>
            {text({ nl: 'Inloggen', en: 'Log in' })}
          </button>
        </form>
      )}
    </div>
  )
}
