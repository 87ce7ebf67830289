import type { CollectionConfig, Config } from 'payload'

import { ADMIN_COMPONENTS } from '../plugin/adminComponents'
import { oidcEndpoints } from './oidc/oidcEndpoints'
import { recordLogout } from './recordLogout'
import { endSessions, resetSecondFactor } from './sessionEndpoints'
import { organisationSignInFields, userSignInFields } from './signInFields'
import type { ResolvedSignInOptions } from './signInOptions'
import { recordSignInFailure } from './totp/recordSignInFailure'
import { requireSecondFactor } from './totp/requireSecondFactor'
import { confirmEnrolment, disableSecondFactor, startEnrolment } from './totp/secondFactorEndpoints'

function named(fields: CollectionConfig['fields']): Set<string> {
  return new Set(fields.flatMap((field) => ('name' in field ? [field.name] : [])))
}

/**
 * The users collection with the register's sign-in: the second-factor and identity fields
 * always (the schema does not depend on `enabled`), and when enabled the login check, logout
 * history, enrolment, session and OpenID Connect endpoints, and the idle time as token lifetime
 * (the admin renews the token while someone works, so it ends after this much inactivity).
 */
export function withSignIn(
  users: CollectionConfig,
  options: ResolvedSignInOptions,
  enabled: boolean,
): CollectionConfig {
  const existing = named(users.fields)
  const fields = [
    ...users.fields,
    ...userSignInFields.filter((f) => !('name' in f) || !existing.has(f.name)),
  ]
  if (!enabled) return { ...users, fields }
  const auth = typeof users.auth === 'object' ? users.auth : {}
  return {
    ...users,
    fields: [
      ...fields,
      // Own account: set up or turn off the second factor; platform admins: end sessions.
      {
        name: 'secondFactorSettings',
        type: 'ui',
        admin: {
          position: 'sidebar',
          components: { Field: ADMIN_COMPONENTS.SecondFactorSettings },
        },
      },
    ],
    auth: { ...auth, tokenExpiration: options.sessionIdleMinutes * 60 },
    hooks: {
      ...users.hooks,
      beforeLogin: [...(users.hooks?.beforeLogin ?? []), requireSecondFactor],
      afterLogout: [...(users.hooks?.afterLogout ?? []), recordLogout],
    },
    endpoints: [
      ...(users.endpoints || []),
      startEnrolment,
      confirmEnrolment,
      disableSecondFactor,
      endSessions,
      resetSecondFactor,
      ...oidcEndpoints,
    ],
  }
}

/** The organisations collection with its sign-in settings. */
export function withOrganisationSignIn(organisations: CollectionConfig): CollectionConfig {
  return { ...organisations, fields: [...organisations.fields, ...organisationSignInFields] }
}

/** Config-level parts: counting refused second factors, and the settings for hooks to read. */
export function withSignInConfig(config: Config, options: ResolvedSignInOptions): Config {
  return {
    ...config,
    admin: {
      ...config.admin,
      components: {
        ...config.admin?.components,
        // Organisation-account buttons and the password form that asks for the second factor.
        beforeLogin: [
          ADMIN_COMPONENTS.SignInPanel,
          ...(config.admin?.components?.beforeLogin ?? []),
        ],
      },
    },
    hooks: {
      ...config.hooks,
      afterError: [...(config.hooks?.afterError ?? []), recordSignInFailure],
    },
    custom: { ...config.custom, algorithmRegisterSignIn: options },
  }
}
