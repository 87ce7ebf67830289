/**
 * Admin components rendered on the server (they read through the Local API), referenced as
 * `@algoritmeregister/payload-plugin/rsc#Name`.
 */
export { CompareView } from '../admin/compare/CompareView'
export { RegisterDashboard } from '../admin/dashboard/RegisterDashboard'
export { RegisterIcon } from '../admin/branding/RegisterIcon'
export { RegisterLogo } from '../admin/branding/RegisterLogo'
export { EmbedSnippet } from '../admin/publicPages/EmbedSnippet'
