import type { AccessUser } from '../../access/accessUser'

/** Per organisation: who must use a second factor when logging in with a password. */
export const SECOND_FACTOR_POLICIES = [
  { value: 'everyone', label: { nl: 'Verplicht voor iedereen', en: 'Required for everyone' } },
  {
    value: 'reviewers-and-admins',
    label: {
      nl: 'Verplicht voor goedkeurders en beheerders',
      en: 'Required for reviewers and admins',
    },
  },
  { value: 'optional', label: { nl: 'Optioneel', en: 'Optional' } },
] as const

export type SecondFactorPolicy = (typeof SECOND_FACTOR_POLICIES)[number]['value']

/** The sign-in settings of one organisation that decide about a person's login. */
export interface OrganisationSignInSettings {
  secondFactor?: SecondFactorPolicy | null
  passwordLogin?: boolean | null
}

/** Register-wide sign-in settings (plugin options). */
export interface RegisterSignInRules {
  /** Password login for the whole register. */
  passwordLogin: boolean
  /** Platform admins must use a second factor with their password. */
  platformAdminSecondFactor: boolean
}

const REVIEWER_ROLES = new Set(['goedkeurder', 'beheerder'])

function organisationIdOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'id' in value) return Number(value.id)
  return null
}

/**
 * Whether this person must give a second factor after their password: the strictest rule of
 * the organisations they work in (each with the role they hold there), and the register-wide
 * rule for platform admins. Pure, so it can be tested exhaustively.
 */
export function secondFactorRequired(
  user: Pick<AccessUser, 'isPlatformAdmin' | 'memberships'>,
  organisations: ReadonlyMap<number, OrganisationSignInSettings>,
  rules: RegisterSignInRules,
): boolean {
  if (user.isPlatformAdmin && rules.platformAdminSecondFactor) return true
  return (user.memberships ?? []).some((membership) => {
    const id = organisationIdOf(membership.organisation)
    const policy = (id === null ? undefined : organisations.get(id)?.secondFactor) ?? 'optional'
    if (policy === 'everyone') return true
    return policy === 'reviewers-and-admins' && REVIEWER_ROLES.has(String(membership.role))
  })
}

/**
 * Whether this person may log in with a password at all: not when the register switched it off,
 * nor when any of their organisations did (they then log in through their organisation's
 * account).
 */
export function passwordLoginAllowed(
  user: Pick<AccessUser, 'memberships'>,
  organisations: ReadonlyMap<number, OrganisationSignInSettings>,
  rules: RegisterSignInRules,
): boolean {
  if (!rules.passwordLogin) return false
  return (user.memberships ?? []).every((membership) => {
    const id = organisationIdOf(membership.organisation)
    return (id === null ? undefined : organisations.get(id)?.passwordLogin) !== false
  })
}

/** The organisation ids in a person's memberships. */
export function membershipOrganisations(user: Pick<AccessUser, 'memberships'>): number[] {
  const ids = (user.memberships ?? []).map((m) => organisationIdOf(m.organisation))
  return [...new Set(ids.filter((id): id is number => id !== null && Number.isFinite(id)))]
}
