import { APIError, type PayloadRequest } from 'payload'

import { localise } from '../i18n/localise'

/** What the client must do next; in the error's `data.signIn` so a login form can react. */
export type SignInStep =
  | 'second-factor-required'
  | 'second-factor-rejected'
  | 'enrolment-required'
  | 'password-login-disabled'

/**
 * A refused login step. The account id stays on the server (for counting failed attempts and
 * the audit history); the client sees the Dutch or English message and the step.
 */
export class SignInRefused extends APIError<{ signIn: SignInStep }> {
  readonly step: SignInStep
  readonly userId: number

  constructor(req: PayloadRequest, step: SignInStep, userId: number) {
    super(
      MESSAGES[step](req),
      step === 'enrolment-required' || step === 'password-login-disabled' ? 403 : 401,
      { signIn: step },
      true,
    )
    this.name = 'SignInRefused'
    this.step = step
    this.userId = userId
  }
}

const MESSAGES: Record<SignInStep, (req: PayloadRequest) => string> = {
  'second-factor-required': (req) =>
    localise(req, {
      nl: 'Vul de code uit uw authenticator-app in (of een herstelcode) om in te loggen.',
      en: 'Enter the code from your authenticator app (or a recovery code) to log in.',
    }),
  'second-factor-rejected': (req) =>
    localise(req, {
      nl: 'Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw authenticator-app en probeer het opnieuw.',
      en: 'This code is wrong or has been used already. Wait for the next code in your authenticator app and try again.',
    }),
  'enrolment-required': (req) =>
    localise(req, {
      nl: 'Uw organisatie vraagt tweestapsverificatie. Stel eerst een authenticator-app in; daarna kunt u inloggen met uw wachtwoord en een code.',
      en: 'Your organisation requires two-factor authentication. Set up an authenticator app first; then log in with your password and a code.',
    }),
  'password-login-disabled': (req) =>
    localise(req, {
      nl: 'Inloggen met een wachtwoord staat uit voor uw organisatie. Log in met de knop van uw organisatie-account.',
      en: 'Password login is switched off for your organisation. Log in with your organisation account button.',
    }),
}

/** Narrows an error (or Payload's wrapper around it) to a refused sign-in step. */
export function asSignInRefused(error: unknown): SignInRefused | null {
  if (error instanceof SignInRefused) return error
  const original =
    error && typeof error === 'object'
      ? (error as { originalError?: unknown }).originalError
      : undefined
  return original instanceof SignInRefused ? original : null
}
