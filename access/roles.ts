/** A person's role inside one organisation. */
export type MembershipRole = 'redacteur' | 'goedkeurder' | 'beheerder' | 'auditor'

/** Roles in the order the admin shows them, with plain-language labels. */
export const MEMBERSHIP_ROLES: ReadonlyArray<{
  value: MembershipRole
  label: { nl: string; en: string }
}> = [
  {
    value: 'redacteur',
    label: { nl: 'Redacteur (schrijft beschrijvingen)', en: 'Editor (writes descriptions)' },
  },
  {
    value: 'goedkeurder',
    label: { nl: 'Goedkeurder (keurt publicatie goed)', en: 'Reviewer (approves publication)' },
  },
  {
    value: 'beheerder',
    label: {
      nl: 'Beheerder (beheert mensen en instellingen)',
      en: 'Organisation admin (manages people and settings)',
    },
  },
  {
    value: 'auditor',
    label: {
      nl: 'Auditor (leest alles mee, ook de geschiedenis)',
      en: 'Auditor (reads everything, history included)',
    },
  },
]

/** Roles that may write algorithm descriptions. */
export const WRITER_ROLES: readonly MembershipRole[] = ['redacteur', 'goedkeurder', 'beheerder']

/** Roles that may read the full audit history of their organisation. */
export const HISTORY_ROLES: readonly MembershipRole[] = ['beheerder', 'auditor']
