import type { PlainLanguageTerm } from './plainLanguageTerm'

/**
 * Vakwoorden: technical and IT terms that often appear in algorithm descriptions, each with a
 * plain explanation or alternative. A term can be the right word, so the analysis only reports
 * it as information, once per text: the editor explains it the first time it appears.
 *
 * "algoritme" is deliberately missing: it is the subject of every description in the register.
 */
export const jargon: readonly PlainLanguageTerm[] = Object.freeze([
  { term: 'accuracy', alternative: 'nauwkeurigheid: hoe vaak de uitkomst klopt' },
  {
    term: 'anonimiseren',
    alternative: 'gegevens zo aanpassen dat niemand meer te herkennen is',
  },
  { term: 'api', alternative: 'koppeling tussen computersystemen' },
  { term: 'bias', alternative: 'vooroordeel of scheefheid in de gegevens of uitkomsten' },
  { term: 'big data', alternative: 'heel veel gegevens' },
  { term: 'classificatie', alternative: 'indeling in groepen' },
  { term: 'classificeren', alternative: 'indelen in groepen' },
  { term: 'cloud', alternative: 'opslag op computers van een ander bedrijf, via internet' },
  { term: 'clustering', alternative: 'groepen maken van gevallen die op elkaar lijken' },
  { term: 'correlatie', alternative: 'verband' },
  { term: 'dashboard', alternative: 'overzichtsscherm' },
  { term: 'data', alternative: 'gegevens' },
  { term: 'database', alternative: 'bestand met gegevens' },
  { term: 'dataset', alternative: 'verzameling gegevens' },
  { term: 'datasets', alternative: 'verzamelingen gegevens' },
  {
    term: 'deep learning',
    alternative: 'een soort machine learning; leg uit wat het systeem leert en waarvan',
  },
  { term: 'drempelwaarde', alternative: 'grens' },
  {
    term: 'false positive',
    alternative: 'onterechte treffer: het systeem geeft een signaal dat niet klopt',
  },
  {
    term: 'false positives',
    alternative: 'onterechte treffers: signalen van het systeem die niet kloppen',
  },
  { term: 'feature', alternative: 'kenmerk' },
  { term: 'features', alternative: 'kenmerken' },
  {
    term: 'geautomatiseerde besluitvorming',
    alternative: 'een computer neemt (een deel van) het besluit',
  },
  { term: 'implementatie', alternative: 'invoering, gebruik' },
  { term: 'implementeren', alternative: 'invoeren, in gebruik nemen' },
  { term: 'input', alternative: 'invoer: de gegevens die erin gaan' },
  { term: 'interface', alternative: 'scherm, koppeling' },
  {
    term: 'machine learning',
    alternative: 'de computer leert zelf van voorbeelden; leg uit waarvan',
  },
  { term: 'model', alternative: 'rekenmodel; leg uit wat het berekent' },
  { term: 'modellen', alternative: 'rekenmodellen; leg uit wat ze berekenen' },
  { term: 'monitoring', alternative: 'controle, bewaking' },
  {
    term: 'neuraal netwerk',
    alternative: 'een soort rekenmodel dat van voorbeelden leert; leg uit wat het doet',
  },
  { term: 'output', alternative: 'uitkomst, resultaat' },
  { term: 'parameter', alternative: 'instelling, factor' },
  { term: 'parameters', alternative: 'instellingen, factoren' },
  { term: 'performance', alternative: 'prestaties: hoe goed het werkt' },
  { term: 'pipeline', alternative: 'reeks stappen' },
  { term: 'profilering', alternative: 'mensen indelen in groepen op basis van kenmerken' },
  { term: 'proxy', alternative: 'vervangend kenmerk: iets dat iets anders meet' },
  {
    term: 'pseudonimiseren',
    alternative: 'namen en nummers vervangen door een code',
  },
  {
    term: 'pseudonimisering',
    alternative: 'het vervangen van namen en nummers door een code',
  },
  { term: 'regressie', alternative: 'rekenmethode die een verband berekent' },
  { term: 'risicomodel', alternative: 'rekenmodel dat een kans op een risico berekent' },
  {
    term: 'risicoprofiel',
    alternative: 'beschrijving van kenmerken die op een risico kunnen wijzen',
  },
  { term: 'risicoscore', alternative: 'getal dat laat zien hoe groot de kans op een risico is' },
  { term: 'server', alternative: 'computer die gegevens bewaart of verwerkt' },
  { term: 'software', alternative: 'computerprogramma' },
  { term: 'trainingsdata', alternative: 'voorbeeldgegevens waarvan het systeem leert' },
  { term: 'validatie', alternative: 'controle' },
  { term: 'valideren', alternative: 'controleren' },
  { term: 'variabele', alternative: 'kenmerk, gegeven' },
  { term: 'variabelen', alternative: 'kenmerken, gegevens' },
])
