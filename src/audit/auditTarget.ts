/** Which organisation an audited document belongs to, and how it is named in the history. */
export function auditTarget(
  collection: string,
  doc: Record<string, unknown>,
  usersSlug: string,
): { organisationId: number | null; label: string } {
  const idOf = (value: unknown): number | null => {
    if (typeof value === 'number') return value
    if (value && typeof value === 'object' && 'id' in value)
      return Number((value as { id: unknown }).id)
    return null
  }
  if (collection === usersSlug) {
    return { organisationId: null, label: String(doc.name ?? doc.email ?? doc.id) }
  }
  switch (collection) {
    case 'organisations':
      return { organisationId: idOf(doc.id), label: String(doc.name ?? doc.id) }
    case 'algorithms':
      return { organisationId: idOf(doc.organization), label: String(doc.name ?? doc.id) }
    default:
      return { organisationId: idOf(doc.organisation ?? doc.organization), label: String(doc.id) }
  }
}

/**
 * The organisations a user's memberships point at (ids, whether populated or not). Events
 * about a user are written once per organisation, so that each organisation's admins and
 * auditors see what concerns their people, and nobody else's.
 */
export function membershipOrganisationIds(memberships: unknown): number[] {
  if (!Array.isArray(memberships)) return []
  const ids = new Set<number>()
  for (const membership of memberships) {
    const organisation = (membership as { organisation?: unknown } | null)?.organisation
    const id =
      organisation && typeof organisation === 'object'
        ? Number((organisation as { id?: unknown }).id)
        : Number(organisation)
    if (organisation !== null && organisation !== undefined && Number.isFinite(id)) ids.add(id)
  }
  return [...ids]
}
