import type { CollectionConfig } from 'payload'

import { ADMIN_COMPONENTS } from '../plugin/adminComponents'
import { checkNationalDriftTask } from './checkNationalDriftTask'
import { NationalConnections } from './collections/NationalConnections'
import { NationalDeliveries } from './collections/NationalDeliveries'
import { deliverToNationalRegisterTask } from './deliverToNationalRegisterTask'

/** The collections the delivery to the national Algoritmeregister adds to the register. */
export const NATIONAL_COLLECTIONS = [NationalConnections, NationalDeliveries]

/** Its jobs: the delivery outbox and the nightly drift check (queue `national`). */
export const NATIONAL_TASKS = [deliverToNationalRegisterTask, checkNationalDriftTask]

/**
 * Adds the national register status to the algorithm's sidebar: a UI field (no column) whose
 * component reads the algorithm's delivery row through the API.
 */
export function withNationalStatus(collection: CollectionConfig): CollectionConfig {
  if (collection.slug !== 'algorithms') return collection
  return {
    ...collection,
    fields: [
      ...collection.fields,
      {
        name: 'nationalDeliveryStatus',
        type: 'ui',
        label: { nl: 'Landelijk Algoritmeregister', en: 'National Algoritmeregister' },
        admin: {
          position: 'sidebar',
          components: { Field: ADMIN_COMPONENTS.NationalDeliveryStatus },
        },
      },
    ],
  }
}
