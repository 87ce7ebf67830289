/** The name the plugin is published under; admin components are referenced through it. */
export const PACKAGE_NAME = '@algoritmeregister/payload-plugin'

/**
 * Import-map paths of the register's admin components. They go through the package's own
 * exports (`/client` for browser components, `/rsc` for server components), never through
 * repository paths, so a host that installs the package gets an import map that resolves.
 * The bundled application resolves the same specifiers to the sources (tsconfig `paths`).
 */
export const ADMIN_COMPONENTS = {
  ActorCell: `${PACKAGE_NAME}/client#ActorCell`,
  CompareView: `${PACKAGE_NAME}/rsc#CompareView`,
  EmbedSnippet: `${PACKAGE_NAME}/rsc#EmbedSnippet`,
  FieldAids: `${PACKAGE_NAME}/client#FieldAids`,
  NationalDeliveryStatus: `${PACKAGE_NAME}/client#NationalDeliveryStatus`,
  PrefillOrganisation: `${PACKAGE_NAME}/client#PrefillOrganisation`,
  RegisterIcon: `${PACKAGE_NAME}/rsc#RegisterIcon`,
  RegisterLogo: `${PACKAGE_NAME}/rsc#RegisterLogo`,
  RequiredLabel: `${PACKAGE_NAME}/client#RequiredLabel`,
  RegisterDashboard: `${PACKAGE_NAME}/rsc#RegisterDashboard`,
  SecondFactorSettings: `${PACKAGE_NAME}/client#SecondFactorSettings`,
  ShownInPanel: `${PACKAGE_NAME}/client#ShownInPanel`,
  SignInPanel: `${PACKAGE_NAME}/client#SignInPanel`,
  StandardSelectField: `${PACKAGE_NAME}/client#StandardSelectField`,
  StartFromTemplate: `${PACKAGE_NAME}/client#StartFromTemplate`,
  SystemValue: `${PACKAGE_NAME}/client#SystemValue`,
  WorkflowPanel: `${PACKAGE_NAME}/client#WorkflowPanel`,
} as const
