import { checkNationalDriftTask } from './checkNationalDriftTask'
import { NationalConnections } from './collections/NationalConnections'
import { NationalDeliveries } from './collections/NationalDeliveries'
import { deliverToNationalRegisterTask } from './deliverToNationalRegisterTask'

/** The collections the delivery to the national Algoritmeregister adds to the register. */
export const NATIONAL_COLLECTIONS = [NationalConnections, NationalDeliveries]

/** Its jobs: the delivery outbox and the nightly drift check (queue `national`). */
export const NATIONAL_TASKS = [deliverToNationalRegisterTask, checkNationalDriftTask]
