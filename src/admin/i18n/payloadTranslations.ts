/**
 * Payload's own Dutch admin texts that do not follow the register's writing guide
 * (docs/schrijfwijzer.md): "Nieuw(e) …", "Voeg … toe", "je" next to "u", developer words.
 * The plugin merges these into the host's `i18n.translations`; the host's own overrides win.
 * English stays Payload's.
 */
export const PAYLOAD_TRANSLATIONS_NL = {
  authentication: {
    forceUnlock: 'Vergrendeling opheffen',
    accountVerified: 'Uw account is bevestigd.',
    emailVerified: 'Uw e-mailadres is bevestigd.',
    loggedOutSuccessfully: 'U bent uitgelogd.',
    logoutSuccessful: 'U bent uitgelogd.',
    passwordResetSuccessfully: 'Uw nieuwe wachtwoord is ingesteld.',
    successfullyRegisteredFirstUser: 'Het eerste account is aangemaakt.',
  },
  dashboard: {
    addButton: 'Toevoegen',
    discardMessage:
      'U hebt de indeling van uw overzicht veranderd, maar niet opgeslagen. Weet u zeker dat u de wijzigingen wilt weggooien?',
    editDashboard: 'Overzicht aanpassen',
    editingDashboard: 'Overzicht aanpassen',
    noItems:
      'Er staat nog niets op uw overzicht. U kunt onderdelen toevoegen met de knop "Overzicht aanpassen" bovenaan.',
  },
  error: {
    correctInvalidFields: 'Verbeter de velden die rood zijn.',
    insufficientClipboardPermissions:
      'Het klembord is niet toegankelijk. Geef de browser toestemming voor het klembord.',
  },
  fields: {
    addLabel: '{{label}} toevoegen',
    addLink: 'Link toevoegen',
    addNew: 'Toevoegen',
    addNewLabel: '{{label}} toevoegen',
    newLabel: '{{label}} toevoegen',
    addUpload: 'Bestand toevoegen',
    removeUpload: 'Bestand verwijderen',
    swapUpload: 'Ander bestand kiezen',
    uploadNewLabel: 'Bestand toevoegen voor {{label}}',
  },
  general: {
    aboutToDeleteCount_many: 'U staat op het punt {{count}} {{label}} te verwijderen',
    aboutToDeleteCount_one: 'U staat op het punt {{count}} {{label}} te verwijderen',
    aboutToDeleteCount_other: 'U staat op het punt {{count}} {{label}} te verwijderen',
    adminTheme: 'Kleuren van het scherm',
    backToDashboard: 'Terug naar het overzicht',
    dashboard: 'Overzicht',
    // Payload's Dutch text here is an instruction to a translator, not a translation.
    restoring: 'Terugzetten…',
    createNewLabel: '{{label}} toevoegen',
    creatingNewLabel: '{{label}} toevoegen',
    currentlyEditing:
      'werkt nu aan dit document. Neemt u het over, dan kan die persoon niet verder en gaan niet-opgeslagen wijzigingen misschien verloren.',
    deletedCountSuccessfully: '{{count}} {{label}} verwijderd.',
    or: 'of',
    and: 'en',
    payloadSettings: 'Instellingen',
    permanentlyDeletedCountSuccessfully: '{{count}} {{label}} definitief verwijderd.',
    resetPreferencesDescription: 'Hiermee zet u al uw voorkeuren terug naar de standaard.',
    restoredCountSuccessfully: '{{count}} {{label}} teruggezet.',
    submissionSuccessful: 'Verstuurd.',
    successfullyCreated: '{{label}} is aangemaakt.',
    successfullyDuplicated: '{{label}} is gekopieerd.',
    titleDeleted: '{{label}} "{{title}}" is verwijderd.',
    titleRestored: '{{label}} "{{title}}" is teruggezet.',
    updatedCountSuccessfully: '{{count}} {{label}} bijgewerkt.',
    noResults:
      'Geen {{label}} gevonden. Er zijn nog geen {{label}}, of niets past bij de filters hierboven.',
  },
  upload: {
    bulkUpload: 'Meerdere bestanden toevoegen',
  },
  version: {
    aboutToPublishSelection:
      'U staat op het punt om alle {{label}} in de selectie te publiceren. Weet u het zeker?',
    draftSavedSuccessfully: 'Concept opgeslagen.',
    restoredSuccessfully: 'Teruggezet.',
  },
} as const

/** Payload's `i18n.translations` shape: language, then namespace, then key. */
export type TranslationOverrides = Record<string, Record<string, Record<string, string>>>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Adds the register's Dutch overrides to the host's `i18n.translations`, language by language
 * and namespace by namespace; a key the host sets itself keeps the host's text.
 */
export function withRegisterTranslations(host: unknown): TranslationOverrides {
  const merged: TranslationOverrides = {}
  const ours: TranslationOverrides = { nl: PAYLOAD_TRANSLATIONS_NL }
  const theirs = isRecord(host) ? host : {}
  for (const language of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
    const hostLanguage = isRecord(theirs[language]) ? theirs[language] : {}
    const ourLanguage = ours[language] ?? {}
    const namespaces: Record<string, Record<string, string>> = {}
    for (const namespace of new Set([...Object.keys(ourLanguage), ...Object.keys(hostLanguage)])) {
      const hostNamespace = hostLanguage[namespace]
      namespaces[namespace] = {
        ...ourLanguage[namespace],
        ...(isRecord(hostNamespace) ? (hostNamespace as Record<string, string>) : {}),
      }
    }
    merged[language] = namespaces
  }
  return merged
}
