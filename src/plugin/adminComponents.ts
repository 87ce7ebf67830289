/** The name the plugin is published under; admin components are referenced through it. */
export const PACKAGE_NAME = '@algoritmeregister/payload-plugin'

/**
 * Import-map paths of the register's admin components. They go through the package's own
 * exports (`/client` for browser components, `/rsc` for server components), never through
 * repository paths, so a host that installs the package gets an import map that resolves.
 * The bundled application resolves the same specifiers to the sources (tsconfig `paths`).
 */
export const ADMIN_COMPONENTS = {
  CompareView: `${PACKAGE_NAME}/rsc#CompareView`,
  EmbedSnippet: `${PACKAGE_NAME}/rsc#EmbedSnippet`,
  FieldAids: `${PACKAGE_NAME}/client#FieldAids`,
  RegisterDashboard: `${PACKAGE_NAME}/rsc#RegisterDashboard`,
  ShownInPanel: `${PACKAGE_NAME}/client#ShownInPanel`,
  StandardSelectField: `${PACKAGE_NAME}/client#StandardSelectField`,
  StartFromTemplate: `${PACKAGE_NAME}/client#StartFromTemplate`,
  WorkflowPanel: `${PACKAGE_NAME}/client#WorkflowPanel`,
} as const
