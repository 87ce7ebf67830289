import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import type { CollectionConfig, Config, Plugin } from 'payload'

import { Algorithms } from '../../collections/Algorithms'
import { AuditEvents } from '../../collections/AuditEvents'
import { Organisations } from '../../collections/Organisations'
import { Revisions } from '../../collections/Revisions'
import { Users } from '../../collections/Users'
import { recordLoginFailure } from '../../hooks/recordLoginFailure'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { platformAdminOnly } from '../../access/platformAdminOnly'
import { reviewRemindersTask } from '../jobs/reviewRemindersTask'
import { sendNotificationTask } from '../jobs/sendNotificationTask'
import { ADMIN_COMPONENTS } from './adminComponents'
import { resolveRegisterOptions, type AlgorithmRegisterOptions } from './options'

const REGISTER_COLLECTIONS = [Organisations, Users, Algorithms, Revisions, AuditEvents]
const REGISTER_DASHBOARD = ADMIN_COMPONENTS.RegisterDashboard

/**
 * Merges the register's users collection into a host's existing one: the host keeps its own
 * fields and hooks, the register adds roles per organisation and its access rules.
 */
function mergeUsers(host: CollectionConfig): CollectionConfig {
  const hostFieldNames = new Set(host.fields.map((f) => ('name' in f ? f.name : undefined)))
  return {
    ...host,
    auth: host.auth || Users.auth,
    access: { ...host.access, ...Users.access },
    fields: [
      ...host.fields,
      ...Users.fields.filter((f) => !('name' in f) || !hostFieldNames.has(f.name)),
    ],
    hooks: {
      ...host.hooks,
      beforeChange: [...(host.hooks?.beforeChange ?? []), ...(Users.hooks?.beforeChange ?? [])],
      afterChange: [...(host.hooks?.afterChange ?? []), ...(Users.hooks?.afterChange ?? [])],
      afterDelete: [...(host.hooks?.afterDelete ?? []), ...(Users.hooks?.afterDelete ?? [])],
      afterLogin: [...(host.hooks?.afterLogin ?? []), ...(Users.hooks?.afterLogin ?? [])],
    },
  }
}

/**
 * The algorithm register as a Payload plugin: organisations, users with roles per organisation,
 * algorithm descriptions per publication standard 1.0, immutable revisions and a hash-chained
 * audit history, with their hooks and endpoints. Add it to any Payload config on PostgreSQL:
 *
 * ```ts
 * plugins: [algorithmRegister({ reviewIntervalMonths: 12 })]
 * ```
 * Invalid options throw when the config is built.
 */
export function algorithmRegister(options?: AlgorithmRegisterOptions): Plugin {
  const resolved = resolveRegisterOptions(options)
  return (incoming: Config): Config => {
    const hostCollections = incoming.collections ?? []
    const clash = hostCollections.find(
      (c) => c.slug !== 'users' && REGISTER_COLLECTIONS.some((r) => r.slug === c.slug),
    )
    if (clash) {
      throw new Error(
        `algorithmRegister: the config already has a collection '${clash.slug}', which the register needs for itself.`,
      )
    }
    const hostUsers = hostCollections.find((c) => c.slug === 'users')
    const registerCollections = REGISTER_COLLECTIONS.map((collection) => {
      if (collection.slug === 'users' && hostUsers) return mergeUsers(hostUsers)
      if (resolved.enabled) return collection
      // Disabled: keep the schema, drop behaviour.
      return { ...collection, hooks: {}, endpoints: [] }
    })
    const supportedLanguages = { ...(incoming.i18n?.supportedLanguages ?? {}), nl, en }
    return {
      ...incoming,
      collections: [...hostCollections.filter((c) => c.slug !== 'users'), ...registerCollections],
      admin: {
        ...incoming.admin,
        user: incoming.admin?.user ?? 'users',
        components: {
          ...incoming.admin?.components,
          // "Mijn taken" and the progress overview, above the host's own dashboard additions.
          beforeDashboard: [
            REGISTER_DASHBOARD,
            ...(incoming.admin?.components?.beforeDashboard ?? []),
          ],
        },
      },
      i18n: {
        ...incoming.i18n,
        supportedLanguages,
        fallbackLanguage: resolved.defaultLanguage,
      },
      hooks: {
        ...incoming.hooks,
        afterError: [
          ...(incoming.hooks?.afterError ?? []),
          ...(resolved.enabled ? [recordLoginFailure] : []),
        ],
      },
      jobs: {
        ...incoming.jobs,
        tasks: [...(incoming.jobs?.tasks ?? []), sendNotificationTask, reviewRemindersTask],
        access: {
          ...incoming.jobs?.access,
          run: ({ req }) => isPlatformAdmin(req.user),
          queue: ({ req }) => isPlatformAdmin(req.user),
          cancel: ({ req }) => isPlatformAdmin(req.user),
        },
        // Job inputs hold e-mail addresses: only platform admins may read the queue.
        jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
          ...defaultJobsCollection,
          access: {
            ...defaultJobsCollection.access,
            read: platformAdminOnly,
            create: platformAdminOnly,
            update: platformAdminOnly,
            delete: platformAdminOnly,
            readVersions: () => false,
          },
        }),
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
            read: ({ req }) => isPlatformAdmin(req.user),
            update: ({ req }) => isPlatformAdmin(req.user),
            readVersions: () => false,
          }
        }
        await incoming.onInit?.(payload)
      },
      custom: { ...incoming.custom, algorithmRegister: resolved },
    }
  }
}
