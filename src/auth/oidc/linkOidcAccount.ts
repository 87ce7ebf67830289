import { usersSlugOf } from '../../plugin/registerOptionsOf'
import { randomBytes } from 'node:crypto'

import type { PayloadRequest, Where } from 'payload'

import type { User } from '../../../payload-types'
import type { MembershipRole } from '../../../access/roles'
import { MEMBERSHIP_ROLES } from '../../../access/roles'
import { recordSignInEvent } from '../recordSignInEvent'
import type { OidcProviderOptions } from '../signInOptions'
import { writeUserRow } from '../writeUserRow'

/** The claims the register uses, after the provider's answer was checked. */
export interface OidcIdentity {
  issuer: string
  subject: string
  email: string
  name: string | null
  roleValues: string[]
}

type WithIdentities = User & {
  oidcIdentities?: Array<{ key?: string | null; linkedAt?: string | null }> | null
}

/** One key per person at a provider: issuer and subject, as OpenID Connect defines identity. */
export function identityKey(identity: Pick<OidcIdentity, 'issuer' | 'subject'>): string {
  return `${identity.issuer}#${identity.subject}`
}

async function findOne(req: PayloadRequest, where: Where): Promise<WithIdentities | null> {
  const found = await req.payload.find({
    collection: usersSlugOf(req.payload),
    where,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return (found.docs[0] as WithIdentities | undefined) ?? null
}

/** Memberships the organisations' role mappings grant for these claim values (only additions). */
async function mappedMemberships(
  req: PayloadRequest,
  provider: Required<OidcProviderOptions>,
  values: string[],
): Promise<Array<{ organisation: number; role: MembershipRole }>> {
  if (values.length === 0) return []
  const found = await req.payload.find({
    collection: 'organisations',
    where: {
      and: [
        { 'signIn.roleMapping.provider': { equals: provider.id } },
        { 'signIn.roleMapping.claimValue': { in: values } },
      ],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { signIn: true },
    req,
  })
  const known = new Set(MEMBERSHIP_ROLES.map((r) => r.value))
  return found.docs.flatMap((organisation) =>
    (organisation.signIn?.roleMapping ?? [])
      .filter(
        (m) => m.provider === provider.id && values.includes(m.claimValue) && known.has(m.role),
      )
      .map((m) => ({ organisation: Number(organisation.id), role: m.role })),
  )
}

/**
 * The register account for an organisation account: the one linked to this issuer and subject,
 * else the one with this (verified) e-mail address, which is then linked; else a new account
 * without any role (an organisation admin grants roles, or a role mapping does). Linking and
 * creating are audit events. Roles from a mapping are added, never taken away.
 */
export async function linkOidcAccount(
  req: PayloadRequest,
  provider: Required<OidcProviderOptions>,
  identity: OidcIdentity,
): Promise<User | 'register-empty'> {
  const key = identityKey(identity)
  let user = await findOne(req, { 'oidcIdentities.key': { equals: key } })
  let linked: 'existing' | 'created' | null = null
  if (!user) {
    user = await findOne(req, { email: { equals: identity.email } })
    if (user) {
      linked = 'existing'
    } else {
      const { totalDocs } = await req.payload.count({
        collection: usersSlugOf(req.payload),
        overrideAccess: true,
        req,
      })
      // The first account of an empty register becomes platform admin: never through here.
      if (totalDocs === 0) return 'register-empty'
      user = (await req.payload.create({
        collection: usersSlugOf(req.payload),
        data: {
          email: identity.email,
          name: (identity.name ?? identity.email).slice(0, 100),
          // Nobody knows this password; the account logs in through its organisation.
          password: randomBytes(32).toString('base64url'),
          memberships: [],
          isPlatformAdmin: false,
        },
        overrideAccess: true,
        depth: 0,
        req,
      })) as WithIdentities
      linked = 'created'
    }
    await writeUserRow(req, user.id, {
      oidcIdentities: [
        ...(user.oidcIdentities ?? []),
        // Rows written past Payload's hooks need the id Payload would give them.
        { id: randomBytes(12).toString('hex'), key, linkedAt: new Date().toISOString() },
      ],
    })
    await recordSignInEvent(req, user, {
      eventType: 'account_link',
      summary:
        linked === 'created'
          ? `Account voor ${identity.email} aangemaakt bij eerste inlog via ${provider.label}`
          : `Organisatie-account (${provider.label}) gekoppeld aan ${user.name ?? user.email}`,
      details: {
        provider: provider.id,
        issuer: identity.issuer,
        subject: identity.subject,
        created: linked === 'created',
      },
    })
  }
  const mapped = await mappedMemberships(req, provider, identity.roleValues)
  const current = user.memberships ?? []
  const has = (m: { organisation: number; role: string }) =>
    current.some(
      (c) =>
        (typeof c.organisation === 'object' ? c.organisation.id : c.organisation) ===
          m.organisation && c.role === m.role,
    )
  const added = mapped.filter((m) => !has(m))
  if (added.length > 0) {
    user = (await req.payload.update({
      collection: usersSlugOf(req.payload),
      id: user.id,
      data: {
        memberships: [
          ...current.map((c) => ({
            organisation: typeof c.organisation === 'object' ? c.organisation.id : c.organisation,
            role: c.role,
          })),
          ...added,
        ],
      },
      overrideAccess: true,
      depth: 0,
      req,
    })) as WithIdentities
  }
  return user
}
