import type { CollectionConfig, Config, Plugin } from 'payload'

import { Algorithms } from '../../collections/Algorithms'
import { AuditEvents } from '../../collections/AuditEvents'
import { Organisations } from '../../collections/Organisations'
import { Revisions } from '../../collections/Revisions'
import { Users } from '../../collections/Users'
import { BRANDING_GRAPHICS, RegisterSettings } from '../../globals/RegisterSettings'
import { makeFirstUserPlatformAdmin } from '../../hooks/makeFirstUserPlatformAdmin'
import { recordLoginFailure } from '../../hooks/recordLoginFailure'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { reviewRemindersTask } from '../jobs/reviewRemindersTask'
import { sendNotificationTask } from '../jobs/sendNotificationTask'
import {
  NATIONAL_COLLECTIONS,
  NATIONAL_TASKS,
  withNationalStatus,
} from '../national/nationalRegisterParts'
import { withRegisterTranslations } from '../admin/i18n/payloadTranslations'
import { ADMIN_COMPONENTS } from './adminComponents'
import { combineAccess, combineJobAccess, lockJobsCollection } from './combineAccess'
import { resolveRegisterOptions, type AlgorithmRegisterOptions } from './options'
import { withoutBehaviour } from './withoutBehaviour'
import { resolveSignInOptions } from '../auth/signInOptions'
import { withOrganisationSignIn, withSignIn, withSignInConfig } from '../auth/withSignIn'

const OWN_COLLECTIONS = [Organisations, Algorithms, Revisions, AuditEvents, ...NATIONAL_COLLECTIONS]

/** The register's user fields without `required`: a host's existing users have no values yet. */
function optionalFields(fields: CollectionConfig['fields']): CollectionConfig['fields'] {
  return fields.map((field) =>
    'required' in field && field.required && field.type !== 'array'
      ? ({ ...field, required: false } as typeof field)
      : field,
  )
}

/**
 * Adds the register to a host's own users collection: the host keeps its fields, hooks and
 * access rules. The register adds roles per organisation, the platform-admin flag and (when
 * the host has none) an optional name; its access rules are combined with the host's, so the
 * host's admins keep every right they had and the register's roles add rights of their own.
 */
function extendHostUsers(host: CollectionConfig, enabled: boolean): CollectionConfig {
  const hostFieldNames = new Set(host.fields.map((f) => ('name' in f ? f.name : undefined)))
  const fields = [
    ...host.fields,
    ...optionalFields(Users.fields).filter((f) => !('name' in f) || !hostFieldNames.has(f.name)),
  ]
  if (!enabled) return { ...host, fields }
  return {
    ...host,
    access: combineAccess(host.access, Users.access),
    fields,
    hooks: {
      ...host.hooks,
      afterChange: [...(host.hooks?.afterChange ?? []), ...(Users.hooks?.afterChange ?? [])],
      afterDelete: [...(host.hooks?.afterDelete ?? []), ...(Users.hooks?.afterDelete ?? [])],
      afterLogin: [...(host.hooks?.afterLogin ?? []), ...(Users.hooks?.afterLogin ?? [])],
    },
  }
}

/** The register's own users collection, for a config that has none (a stand-alone register). */
function ownUsers(
  slug: string,
  enabled: boolean,
  firstUserIsPlatformAdmin: boolean,
): CollectionConfig {
  const users = slug === Users.slug ? Users : { ...Users, slug }
  if (!enabled) return withoutBehaviour(users)
  if (!firstUserIsPlatformAdmin) return users
  return {
    ...users,
    hooks: {
      ...Users.hooks,
      beforeChange: [...(Users.hooks?.beforeChange ?? []), makeFirstUserPlatformAdmin],
    },
  }
}

/**
 * The algorithm register as a Payload plugin: organisations, roles per organisation on the
 * host's users, algorithm descriptions per publication standard 1.0, immutable revisions and a
 * hash-chained audit history, with their hooks, endpoints, jobs and admin components. Add it to
 * any Payload config on PostgreSQL:
 *
 * ```ts
 * plugins: [algorithmRegister({ serverUrl: 'https://cms.example.nl' })]
 * ```
 * Invalid options throw when the config is built. The host keeps its languages, its users'
 * access rules and its job access; see AlgorithmRegisterOptions for what can be set.
 */
export function algorithmRegister(options?: AlgorithmRegisterOptions): Plugin {
  const resolved = resolveRegisterOptions(options)
  const signIn = resolveSignInOptions(options?.signIn)
  return (incoming: Config): Config => {
    const usersSlug = resolved.usersSlug
    if (OWN_COLLECTIONS.some((c) => c.slug === usersSlug)) {
      throw new Error(
        `algorithmRegister: 'usersSlug' cannot be '${usersSlug}', the register needs that collection for itself.`,
      )
    }
    const hostCollections = incoming.collections ?? []
    const clash = hostCollections.find((c) => OWN_COLLECTIONS.some((r) => r.slug === c.slug))
    if (clash) {
      throw new Error(
        `algorithmRegister: the config already has a collection '${clash.slug}', which the register needs for itself.`,
      )
    }
    if ((incoming.globals ?? []).some((g) => g.slug === RegisterSettings.slug)) {
      throw new Error(
        `algorithmRegister: the config already has a global '${RegisterSettings.slug}', which the register needs for itself.`,
      )
    }
    const hostUsers = hostCollections.find((c) => c.slug === usersSlug)
    // Sign-in (second factor, organisation accounts, sessions): src/auth/withSignIn.ts.
    const users = withSignIn(
      hostUsers
        ? extendHostUsers(hostUsers, resolved.enabled)
        : ownUsers(usersSlug, resolved.enabled, resolved.firstUserIsPlatformAdmin),
      signIn,
      resolved.enabled,
    )
    const own = OWN_COLLECTIONS.map(withNationalStatus)
      .map((c) => (c === Organisations ? withOrganisationSignIn(c) : c))
      .map((c) => (resolved.enabled ? c : withoutBehaviour(c)))
    const collections = hostUsers
      ? [...hostCollections.map((c) => (c === hostUsers ? users : c)), ...own]
      : [...hostCollections, own[0], users, ...own.slice(1)]
    // Disabled: the schema stays (collections, fields and the job task slugs, which are a
    // database enum), everything else of the host's config is left as it was.
    const jobs = {
      ...incoming.jobs,
      tasks: [
        ...(incoming.jobs?.tasks ?? []),
        sendNotificationTask,
        reviewRemindersTask,
        ...NATIONAL_TASKS,
      ],
    }
    // The branding table is schema too: it stays when the register is switched off.
    const globals = [...(incoming.globals ?? []), RegisterSettings]
    if (!resolved.enabled) {
      return {
        ...incoming,
        collections,
        globals,
        jobs,
        custom: { ...incoming.custom, algorithmRegister: resolved },
      }
    }
    return withSignInConfig(
      {
        ...incoming,
        collections,
        globals,
        // Payload's Dutch texts that do not follow the register's writing guide; the host keeps
        // its languages and fallback, and its own overrides win.
        i18n: {
          ...incoming.i18n,
          translations: withRegisterTranslations(incoming.i18n?.translations) as NonNullable<
            Config['i18n']
          >['translations'],
        },
        admin: {
          ...incoming.admin,
          user: incoming.admin?.user ?? (hostUsers ? undefined : usersSlug),
          components: {
            ...incoming.admin?.components,
            // The register's name and logo instead of Payload's; a host's own graphics win.
            graphics: { ...BRANDING_GRAPHICS, ...incoming.admin?.components?.graphics },
            // "Mijn taken" and the progress overview, above the host's own dashboard additions.
            beforeDashboard: [
              ADMIN_COMPONENTS.RegisterDashboard,
              ...(incoming.admin?.components?.beforeDashboard ?? []),
            ],
          },
        },
        hooks: {
          ...incoming.hooks,
          afterError: [...(incoming.hooks?.afterError ?? []), recordLoginFailure],
        },
        jobs: {
          ...jobs,
          // Job inputs hold e-mail addresses: platform admins may run and read the queue, next to
          // whoever the host's own rules allow.
          access: combineJobAccess(incoming.jobs?.access),
          jobsCollectionOverrides: (args) =>
            lockJobsCollection(
              incoming.jobs?.jobsCollectionOverrides?.(args) ?? args.defaultJobsCollection,
              args.defaultJobsCollection,
            ),
        },
        // Payload adds its job statistics global itself, readable and writable by any logged-in
        // user; its schedule timestamps decide when review reminders run, so lock it down.
        onInit: async (payload) => {
          const jobStats = payload.config.globals.find(
            (global) => global.slug === 'payload-jobs-stats',
          )
          if (jobStats) {
            jobStats.access = {
              ...jobStats.access,
              read: ({ req }) => isPlatformAdmin(req.user, req.payload),
              update: ({ req }) => isPlatformAdmin(req.user, req.payload),
              readVersions: () => false,
            }
          }
          await incoming.onInit?.(payload)
        },
        custom: { ...incoming.custom, algorithmRegister: resolved },
      },
      signIn,
    )
  }
}
