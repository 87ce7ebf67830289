/**
 * Admin components that run in the browser, referenced from the plugin's config as
 * `@algoritmeregister/payload-plugin/client#Name` so a host's import map resolves them from
 * the installed package. Every component file carries its own 'use client' directive.
 */
export { ActorCell } from '../admin/audit/ActorCell'
export { FieldAids } from '../admin/fields/FieldAids'
export { NationalDeliveryStatus } from '../national/admin/NationalDeliveryStatus'
export { PrefillOrganisation } from '../admin/fields/PrefillOrganisation'
export { RequiredLabel } from '../admin/fields/RequiredLabel'
export { StandardSelectField } from '../admin/fields/StandardSelectField'
export { SystemValue } from '../admin/fields/SystemValue'
export { StartFromTemplate } from '../admin/templates/StartFromTemplate'
export { ShownInPanel } from '../admin/workflow/ShownInPanel'
export { WorkflowPanel } from '../admin/workflow/WorkflowPanel'
export { SecondFactorSettings } from '../admin/signIn/SecondFactorSettings'
export { SignInPanel } from '../admin/signIn/SignInPanel'
