/**
 * The label of the compare tab. Payload hands the tab only a translate function, not the
 * language, so the language is read from a translation every admin language has.
 */
export function compareTabLabel({ t }: { t: (key: string) => string }): string {
  return t('general:cancel') === 'Cancel' ? 'Compare revisions' : 'Versies vergelijken'
}
