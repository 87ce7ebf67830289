/**
 * The Algoritmeregister publication standard, version 1.0, as typed data.
 *
 * Keys, Dutch titles, `required`, maximum lengths, `show_always` and permitted values follow the
 * register's own machine-readable definition exactly. The help texts are this project's own,
 * written for editors in plain Dutch (B1) with an English translation.
 */

/** The version of the publication standard this module describes. */
export const STANDARD_VERSION = '1.0'

/** Every field key of standard 1.0, in the order the standard lists them. */
export const STANDARD_KEYS = [
  'name',
  'description_short',
  'organization',
  'category',
  'status',
  'begin_date',
  'end_date',
  'contact_email',
  'website',
  'publication_category',
  'url',
  'goal',
  'proportionality',
  'human_intervention',
  'risks',
  'lawful_basis',
  'lawful_basis_grouping',
  'process_index_url',
  'impacttoetsen_grouping',
  'impacttoetsen',
  'source_data',
  'source_data_grouping',
  'methods_and_models',
  'provider',
  'publiccode',
  'lang',
  'standard_version',
  'source_id',
  'tags',
  'lars',
  'publication_dt',
] as const

/** A field key of the publication standard. */
export type StandardKey = (typeof STANDARD_KEYS)[number]

/** Permitted values of `status`. */
export const STATUS_VALUES = ['In ontwikkeling', 'In gebruik', 'Buiten gebruik'] as const
/** A permitted value of `status`. */
export type StatusValue = (typeof STATUS_VALUES)[number]

/** Permitted values of `publication_category` (categories A, B and C of the guidance). */
export const PUBLICATION_CATEGORY_VALUES = [
  'Hoog-risico AI-systeem',
  'Impactvolle algoritmes',
  'Overige algoritmes',
] as const
/** A permitted value of `publication_category`. */
export type PublicationCategoryValue = (typeof PUBLICATION_CATEGORY_VALUES)[number]

/** Permitted values of `category` (themes, several may be chosen). */
export const CATEGORY_VALUES = [
  'Organisatie en bedrijfsvoering',
  'Cultuur en recreatie',
  'Economie',
  'Overheidsfinanciën',
  'Wonen',
  'Internationaal',
  'Migratie en integratie',
  'Natuur en milieu',
  'Onderwijs en wetenschap',
  'Openbare orde en veiligheid',
  'Recht',
  'Ruimte en infrastructuur',
  'Sociale zekerheid',
  'Verkeer',
  'Werk',
  'Zorg en gezondheid',
] as const
/** A permitted value of `category`. */
export type CategoryValue = (typeof CATEGORY_VALUES)[number]

/** Permitted values of `lang` (ISO 639-3 codes). */
export const LANG_VALUES = ['nld'] as const
/** A permitted value of `lang`. */
export type LangValue = (typeof LANG_VALUES)[number]

/** Permitted values of `standard_version`. */
export const STANDARD_VERSION_VALUES = ['1.0'] as const
/** A permitted value of `standard_version`. */
export type StandardVersionValue = (typeof STANDARD_VERSION_VALUES)[number]

/** HTML tags the standard allows in long text fields. */
export const ALLOWED_HTML_TAGS = ['div', 'br', 'p', 'ul', 'ol', 'li'] as const

/** A text in Dutch and English. */
export interface LocalisedText {
  readonly nl: string
  readonly en: string
}

/** How a field is edited and checked. */
export type FieldKind =
  | 'text'
  | 'richText'
  | 'enum'
  | 'multiEnum'
  | 'links'
  | 'yearMonth'
  | 'emailOrUrl'
  | 'url'
  | 'organisation'
  | 'system'

/**
 * One permitted value of an enum field: the Dutch value the standard stores, the English label
 * the national register uses in its English export, and other spellings accepted on import.
 */
export interface PermittedValue {
  readonly value: string
  readonly en: string
  readonly aliases: readonly string[]
}

/** One part (`title` or `link`) of an item in a `links` field. */
export interface LinkPartDefinition {
  readonly key: 'title' | 'link'
  readonly title: LocalisedText
  readonly required: boolean
  /** Characters, or null when the standard sets no limit. */
  readonly maxLength: number | null
  readonly help: LocalisedText
  /** Values the standard suggests; editors may still type another. */
  readonly recommendedValues: readonly string[]
}

/** The shape of one item of a `links` field. */
export interface LinksItemDefinition {
  readonly title: LinkPartDefinition
  readonly link: LinkPartDefinition
}

/** The definition of one field of the publication standard. */
export interface StandardFieldDefinition {
  readonly key: StandardKey
  /** `nl` is the standard's own title. */
  readonly title: LocalisedText
  readonly kind: FieldKind
  readonly required: boolean
  /** Characters after HTML is stripped, or null when the standard sets no limit. */
  readonly maxLength: number | null
  /**
   * true: shown on the public page even when empty ("Veld niet ingevuld"); false: shown only
   * when filled; null: metadata the standard does not display as a field.
   */
  readonly showAlways: boolean | null
  /** For `enum` and `multiEnum` fields, otherwise null. */
  readonly permittedValues: readonly PermittedValue[] | null
  /** For `links` fields, otherwise null. */
  readonly items: LinksItemDefinition | null
  /** For `richText` fields, otherwise null. */
  readonly allowedHtmlTags: readonly string[] | null
  /** The standard demands plain language (B1) here; for all other fields it is the aim. */
  readonly plainLanguageRequired: boolean
  /** This project's help text for editors. */
  readonly help: LocalisedText
}

/** One item of a `links` field in a public record. */
export interface StandardLink {
  title: string
  /** '' when the item has no link (allowed only where the link is not required). */
  link: string
}

/**
 * A public record in the shape of standard 1.0. Empty text fields are ''. Long text fields
 * hold HTML restricted to {@link ALLOWED_HTML_TAGS}.
 */
export interface StandardRecord {
  name: string
  description_short: string
  /** The organisation's name. */
  organization: string
  /** Values from {@link CATEGORY_VALUES}. */
  category: string[]
  status: StatusValue
  /** yyyy-mm or '' */
  begin_date: string
  /** yyyy-mm or '' */
  end_date: string
  contact_email: string
  website: string
  publication_category: PublicationCategoryValue
  url: string
  goal: string
  proportionality: string
  human_intervention: string
  risks: string
  lawful_basis: string
  lawful_basis_grouping: StandardLink[]
  process_index_url: string
  impacttoetsen_grouping: StandardLink[]
  impacttoetsen: string
  source_data: string
  source_data_grouping: StandardLink[]
  methods_and_models: string
  provider: string
  publiccode: string
  lang: LangValue
  standard_version: StandardVersionValue
  source_id: string
  tags: string
  /** The 8-digit Algoritme-ID. */
  lars: string
  /** ISO 8601 date (yyyy-mm-dd) of publication. */
  publication_dt: string
}

const richTextTags = ALLOWED_HTML_TAGS

const values = (
  list: readonly (readonly [value: string, en: string, aliases?: readonly string[]])[],
): PermittedValue[] => list.map(([value, en, aliases = []]) => ({ value, en, aliases }))

// English labels are the ones the national register uses in its English export, so exports
// and imports line up with it; `aliases` holds other English spellings we accept on import.
const statusValues = values([
  ['In ontwikkeling', 'In development'],
  ['In gebruik', 'In use'],
  ['Buiten gebruik', 'Out of use', ['No longer in use']],
])

const publicationCategoryValues = values([
  ['Hoog-risico AI-systeem', 'High-Risk AI-system', ['High-risk AI system']],
  ['Impactvolle algoritmes', 'Impactful algorithms'],
  ['Overige algoritmes', 'Other algorithms'],
])

const categoryValues = values([
  ['Organisatie en bedrijfsvoering', 'Organisation and business operations'],
  ['Cultuur en recreatie', 'Culture and Recreation'],
  ['Economie', 'Economy'],
  ['Overheidsfinanciën', 'Public finance', ['Public finances']],
  ['Wonen', 'Living', ['Housing']],
  ['Internationaal', 'International'],
  ['Migratie en integratie', 'Migration and Integration'],
  ['Natuur en milieu', 'Nature and Environment'],
  ['Onderwijs en wetenschap', 'Education and Science'],
  ['Openbare orde en veiligheid', 'Public Order and Safety'],
  ['Recht', 'Law'],
  ['Ruimte en infrastructuur', 'Space and Infrastructure', ['Spatial planning and infrastructure']],
  ['Sociale zekerheid', 'Social Security'],
  ['Verkeer', 'Traffic'],
  ['Werk', 'Work'],
  ['Zorg en gezondheid', 'Health and Healthcare', ['Health and care']],
])

// The English export writes the ISO code, not a language name.
const langValues = values([['nld', 'Dutch', ['nld']]])

// The Dutch export example writes the version as 1.0.0.
const standardVersionValues = values([['1.0', '1.0', ['1.0.0']]])

type FieldInput = Omit<
  StandardFieldDefinition,
  'permittedValues' | 'items' | 'allowedHtmlTags' | 'plainLanguageRequired'
> &
  Partial<
    Pick<
      StandardFieldDefinition,
      'permittedValues' | 'items' | 'allowedHtmlTags' | 'plainLanguageRequired'
    >
  >

const field = (input: FieldInput): StandardFieldDefinition => ({
  permittedValues: null,
  items: null,
  allowedHtmlTags: input.kind === 'richText' ? richTextTags : null,
  plainLanguageRequired: false,
  ...input,
})

const part = (
  key: 'title' | 'link',
  title: LocalisedText,
  required: boolean,
  maxLength: number | null,
  help: LocalisedText,
  recommendedValues: readonly string[] = [],
): LinkPartDefinition => ({ key, title, required, maxLength, help, recommendedValues })

const definitions: readonly StandardFieldDefinition[] = [
  field({
    key: 'name',
    title: { nl: 'Naam', en: 'Name' },
    kind: 'text',
    required: true,
    maxLength: 100,
    showAlways: true,
    help: {
      nl: 'Schrijf een korte naam die zegt wat het algoritme doet. Inwoners moeten de naam begrijpen, dus gebruik geen interne codes of afkortingen.',
      en: 'Write a short name that says what the algorithm does. Residents must understand the name, so avoid internal codes or abbreviations.',
    },
  }),
  field({
    key: 'description_short',
    title: { nl: 'Korte omschrijving', en: 'Short description' },
    kind: 'text',
    required: true,
    maxLength: 400,
    showAlways: true,
    plainLanguageRequired: true,
    help: {
      nl: 'Leg in een paar zinnen uit wat het algoritme doet en waarvoor uw organisatie het gebruikt. Deze tekst staat in de zoekresultaten, dus schrijf voor inwoners in eenvoudige taal (B1).',
      en: 'Explain in a few sentences what the algorithm does and what your organisation uses it for. This text appears in the search results, so write for residents in plain language (B1).',
    },
  }),
  field({
    key: 'organization',
    title: { nl: 'Organisatienaam', en: 'Organisation name' },
    kind: 'organisation',
    required: true,
    maxLength: 100,
    showAlways: true,
    help: {
      nl: 'De naam van uw organisatie. Het systeem vult dit zelf in, u hoeft hier niets te doen.',
      en: 'The name of your organisation. The system fills this in, you do not need to do anything.',
    },
  }),
  field({
    key: 'category',
    title: { nl: 'Thema', en: 'Theme' },
    kind: 'multiEnum',
    required: false,
    maxLength: null,
    showAlways: true,
    permittedValues: categoryValues,
    help: {
      nl: 'Kies een of meer onderwerpen waar het algoritme bij hoort. Zo vinden bezoekers het algoritme als zij op onderwerp zoeken.',
      en: 'Choose one or more topics the algorithm belongs to. This helps visitors find it when they search by topic.',
    },
  }),
  field({
    key: 'status',
    title: { nl: 'Status', en: 'Status' },
    kind: 'enum',
    required: true,
    maxLength: null,
    showAlways: true,
    permittedValues: statusValues,
    help: {
      nl: 'Kies of het algoritme nog wordt gemaakt, nu wordt gebruikt of niet meer wordt gebruikt. Wordt het al gebruikt en ook nog verbeterd? Kies dan ‘In gebruik’.',
      en: 'Choose whether the algorithm is still being built, is in use now, or is no longer used. If it is in use and still being improved, choose ‘In use’.',
    },
  }),
  field({
    key: 'begin_date',
    title: { nl: 'Begindatum', en: 'Start date' },
    kind: 'yearMonth',
    required: false,
    maxLength: 7,
    showAlways: true,
    help: {
      nl: 'De maand waarin uw organisatie het algoritme is gaan gebruiken. Schrijf eerst het jaar en dan de maand, zo: 2023-01.',
      en: 'The month in which your organisation started using the algorithm. Write the year first and then the month, like this: 2023-01.',
    },
  }),
  field({
    key: 'end_date',
    title: { nl: 'Einddatum', en: 'End date' },
    kind: 'yearMonth',
    required: false,
    maxLength: 7,
    showAlways: false,
    help: {
      nl: 'De maand waarin uw organisatie is gestopt met het algoritme, geschreven als 2024-06. Laat dit leeg zolang het algoritme nog wordt gebruikt.',
      en: 'The month in which your organisation stopped using the algorithm, written as 2024-06. Leave this empty while the algorithm is still in use.',
    },
  }),
  field({
    key: 'contact_email',
    title: { nl: 'Contactgegevens', en: 'Contact details' },
    kind: 'emailOrUrl',
    required: true,
    maxLength: 500,
    showAlways: true,
    help: {
      nl: 'Eén algemeen e-mailadres of een link naar een contactformulier, waar inwoners, bedrijven en journalisten vragen over dit algoritme kunnen stellen. Gebruik geen persoonlijk e-mailadres van een medewerker.',
      en: 'One general email address or a link to a contact form, where residents, businesses and journalists can ask questions about this algorithm. Do not use an employee’s personal email address.',
    },
  }),
  field({
    key: 'website',
    title: { nl: 'Link naar publiekspagina', en: 'Link to public page' },
    kind: 'url',
    required: false,
    maxLength: 500,
    showAlways: false,
    help: {
      nl: 'Een link naar een pagina op uw eigen website waar inwoners meer lezen over het werk waarbij het algoritme helpt. De link begint met https://.',
      en: 'A link to a page on your own website where residents can read more about the work the algorithm helps with. The link starts with https://.',
    },
  }),
  field({
    key: 'publication_category',
    title: { nl: 'Publicatiecategorie', en: 'Publication category' },
    kind: 'enum',
    required: true,
    maxLength: null,
    showAlways: true,
    permittedValues: publicationCategoryValues,
    help: {
      nl: 'Kies hoeveel invloed het algoritme heeft: een hoog-risico AI-systeem, een impactvol algoritme of een overig algoritme. Twijfelt u? Kies dan ‘Impactvolle algoritmes’.',
      en: 'Choose how much impact the algorithm has: a high-risk AI system, an impactful algorithm or another algorithm. In doubt? Choose ‘Impactful algorithms’.',
    },
  }),
  field({
    key: 'url',
    title: { nl: 'Link naar bronregistratie', en: 'Link to source registration' },
    kind: 'url',
    required: false,
    maxLength: 500,
    showAlways: false,
    help: {
      nl: 'Staat dit algoritme ook in een eigen algoritmeregister van uw organisatie? Zet hier de link naar die beschrijving.',
      en: 'Is this algorithm also described in your organisation’s own algorithm register? Put the link to that description here.',
    },
  }),
  field({
    key: 'goal',
    title: { nl: 'Doel en impact', en: 'Goal and impact' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: true,
    plainLanguageRequired: true,
    help: {
      nl: 'Schrijf op wat u met het algoritme wilt bereiken en wat inwoners of bedrijven ervan merken als het goed werkt. Gebruik eenvoudige taal (B1); risico’s beschrijft u in een ander veld.',
      en: 'Describe what you want to achieve with the algorithm and what residents or businesses notice when it works as intended. Use plain language (B1); risks go in a separate field.',
    },
  }),
  field({
    key: 'proportionality',
    title: { nl: 'Afwegingen', en: 'Considerations' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: true,
    plainLanguageRequired: true,
    help: {
      nl: 'Leg uit waarom het redelijk is om dit algoritme te gebruiken: wat zijn de voordelen en de nadelen, en welke andere oplossingen heeft u bekeken? Schrijf in eenvoudige taal (B1).',
      en: 'Explain why it is reasonable to use this algorithm: what are the advantages and disadvantages, and which other solutions did you look at? Write in plain language (B1).',
    },
  }),
  field({
    key: 'human_intervention',
    title: { nl: 'Menselijke tussenkomst', en: 'Human intervention' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: true,
    plainLanguageRequired: true,
    help: {
      nl: 'Beschrijf wat medewerkers met de uitkomst van het algoritme doen: wie controleert die, en kan iemand de uitkomst veranderen? Kijkt er niemand naar, schrijf dat dan ook op, in eenvoudige taal (B1).',
      en: 'Describe what staff do with the outcome of the algorithm: who checks it, and can someone change it? If nobody looks at it, say so too, in plain language (B1).',
    },
  }),
  field({
    key: 'risks',
    title: { nl: 'Risicobeheer', en: 'Risk management' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: true,
    help: {
      nl: 'Noem de belangrijkste risico’s, zoals fouten, ongelijke behandeling of een uitkomst die niemand kan uitleggen. Schrijf erbij wat uw organisatie doet om die risico’s klein te houden.',
      en: 'Name the main risks, such as errors, unequal treatment or an outcome nobody can explain. Add what your organisation does to keep those risks small.',
    },
  }),
  field({
    key: 'lawful_basis',
    title: { nl: 'Wettelijke basis', en: 'Legal basis' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: false,
    help: {
      nl: 'Schrijf op op welke wet of regel de taak rust waarbij het algoritme helpt. Leg kort uit waar die wet over gaat, zodat ook iemand zonder juridische kennis het snapt.',
      en: 'Write down which law or rule the task the algorithm helps with is based on. Briefly explain what that law is about, so that someone without legal knowledge understands it.',
    },
  }),
  field({
    key: 'lawful_basis_grouping',
    title: { nl: 'Verwijzingen wettelijke basis', en: 'Legal basis references' },
    kind: 'links',
    required: false,
    maxLength: null,
    showAlways: false,
    items: {
      title: part(
        'title',
        { nl: 'Titel van wettelijke basis', en: 'Title of legal basis' },
        true,
        100,
        {
          nl: 'De naam van de wet of regel, bijvoorbeeld ‘Participatiewet’.',
          en: 'The name of the law or rule, for example ‘Participatiewet’ (Participation Act).',
        },
      ),
      link: part(
        'link',
        { nl: 'Link naar wettelijke basis', en: 'Link to legal basis' },
        true,
        500,
        {
          nl: 'Een link naar de tekst van die wet of regel, bijvoorbeeld op wetten.overheid.nl.',
          en: 'A link to the text of that law or rule, for example on wetten.overheid.nl.',
        },
      ),
    },
    help: {
      nl: 'Voeg voor elke wet of elk besluit een regel toe, met de naam en een link naar de tekst. Zo kunnen lezers de regels zelf nalezen.',
      en: 'Add a row for each law or decision, with its name and a link to the text. This lets readers check the rules themselves.',
    },
  }),
  field({
    key: 'process_index_url',
    title: { nl: 'Link naar verwerkingsregister', en: 'Link to processing register' },
    kind: 'url',
    required: false,
    maxLength: 500,
    showAlways: false,
    help: {
      nl: 'Een link naar het openbare verwerkingsregister van uw organisatie, naar de plek waar staat welke persoonsgegevens voor dit algoritme worden verwerkt.',
      en: 'A link to the public register of processing activities of your organisation, to the entry that shows which personal data is processed for this algorithm.',
    },
  }),
  field({
    key: 'impacttoetsen_grouping',
    title: { nl: 'Impacttoetsen', en: 'Impact assessments' },
    kind: 'links',
    required: false,
    maxLength: null,
    showAlways: false,
    items: {
      title: part(
        'title',
        { nl: 'Titel van impacttoets', en: 'Title of impact assessment' },
        true,
        null,
        {
          nl: 'De naam van de toets die is gedaan. Kies er een uit de lijst of typ zelf een naam.',
          en: 'The name of the assessment that was carried out. Pick one from the list or type a name yourself.',
        },
        [
          'AI Impact Assesment (AIIA)',
          'Data Protection Impact Assessment (DPIA)',
          'De Ethische Bijsluiter',
          'De Ethische Data Assistant (DEDA)',
          'Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)',
          'Impact Assessment Mensenrechten en Algoritmes (IAMA)',
          'Pre-scan DPIA',
          'Privacy Quickscan',
          'Toetsingskader Algemene Rekenkamer',
          'Utrecht Uthiek Assessment',
          'Z-Inspection',
        ],
      ),
      link: part(
        'link',
        { nl: 'Link naar impacttoets', en: 'Link to impact assessment' },
        false,
        500,
        {
          nl: 'Een link naar de uitkomst van de toets, als die openbaar is. Is de uitkomst niet openbaar, laat dit dan leeg.',
          en: 'A link to the result of the assessment, if it is public. If the result is not public, leave this empty.',
        },
      ),
    },
    help: {
      nl: 'Voeg voor elke toets die is gedaan een regel toe, bijvoorbeeld een DPIA of een IAMA. Is het rapport openbaar? Zet er dan de link bij.',
      en: 'Add a row for each assessment that was carried out, for example a DPIA or an IAMA. Is the report public? Then add the link.',
    },
  }),
  field({
    key: 'impacttoetsen',
    title: { nl: 'Toelichting op impacttoetsen', en: 'Explanation of impact assessments' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: false,
    help: {
      nl: 'Is een toets niet gedaan? Leg hier uit waarom niet, bijvoorbeeld omdat het algoritme geen persoonsgegevens gebruikt.',
      en: 'Was an assessment not carried out? Explain why here, for example because the algorithm uses no personal data.',
    },
  }),
  field({
    key: 'source_data',
    title: { nl: 'Gegevens', en: 'Data' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: true,
    help: {
      nl: 'Noem welke gegevens het algoritme gebruikt of bij het maken heeft gebruikt, en waar die vandaan komen. Wees precies bij persoonsgegevens, bijvoorbeeld ‘adres en leeftijd uit de BRP’.',
      en: 'List the data the algorithm uses or used when it was built, and where the data comes from. Be precise about personal data, for example ‘address and age from the BRP’.',
    },
  }),
  field({
    key: 'source_data_grouping',
    title: { nl: 'Verwijzingen gegevensbronnen', en: 'Data source references' },
    kind: 'links',
    // The standard writes this as the string "false".
    required: false,
    maxLength: null,
    showAlways: false,
    items: {
      title: part(
        'title',
        { nl: 'Titel van gegevensbron', en: 'Title of data source' },
        true,
        500,
        {
          nl: 'De naam van de gegevensbron, bijvoorbeeld ‘Basisregistratie Personen (BRP)’.',
          en: 'The name of the data source, for example ‘Basisregistratie Personen (BRP)’ (Personal Records Database).',
        },
      ),
      link: part('link', { nl: 'Link naar gegevensbron', en: 'Link to data source' }, true, 500, {
        nl: 'Een link naar een beschrijving van deze gegevens, bijvoorbeeld in een datacatalogus.',
        en: 'A link to a description of this data, for example in a data catalogue.',
      }),
    },
    help: {
      nl: 'Voeg voor elke gegevensbron een regel toe, met de naam en een link naar een beschrijving. Zo kunnen lezers zien waar de gegevens vandaan komen.',
      en: 'Add a row for each data source, with its name and a link to a description. This lets readers see where the data comes from.',
    },
  }),
  field({
    key: 'methods_and_models',
    title: { nl: 'Technische werking', en: 'Technical operation' },
    kind: 'richText',
    required: false,
    maxLength: 5000,
    showAlways: false,
    help: {
      nl: 'Beschrijf hoe het algoritme werkt: wat gaat erin, wat gebeurt ermee en wat komt eruit. Zeg ook of het algoritme zelflerend is; dit veld is voor lezers met technische kennis.',
      en: 'Describe how the algorithm works: what goes in, what happens to it and what comes out. Also say whether it is self-learning; this field is for readers with technical knowledge.',
    },
  }),
  field({
    key: 'provider',
    title: { nl: 'Leverancier', en: 'Supplier' },
    kind: 'text',
    required: false,
    maxLength: 200,
    showAlways: false,
    help: {
      nl: 'De naam van het bedrijf dat het algoritme heeft gemaakt of levert. Heeft uw organisatie het zelf gemaakt? Schrijf dan ‘Intern ontwikkeld’.',
      en: 'The name of the company that built or supplies the algorithm. Did your organisation build it itself? Then write ‘Intern ontwikkeld’ (developed in-house).',
    },
  }),
  field({
    key: 'publiccode',
    title: { nl: 'Link naar broncode', en: 'Link to source code' },
    kind: 'url',
    required: false,
    maxLength: 500,
    showAlways: false,
    help: {
      nl: 'Is de broncode openbaar? Zet hier de link naar de plek waar iedereen de code kan bekijken. Is de code niet openbaar, laat dit veld dan leeg.',
      en: 'Is the source code public? Put the link to where anyone can view the code here. If the code is not public, leave this field empty.',
    },
  }),
  field({
    key: 'lang',
    title: { nl: 'Taal', en: 'Language' },
    kind: 'enum',
    required: true,
    maxLength: null,
    showAlways: false,
    permittedValues: langValues,
    help: {
      nl: 'De taal van deze beschrijving. Het systeem vult dit in; nu is dat altijd Nederlands (nld).',
      en: 'The language of this description. The system fills this in; for now it is always Dutch (nld).',
    },
  }),
  field({
    key: 'standard_version',
    title: { nl: 'Versie publicatiestandaard', en: 'Publication standard version' },
    kind: 'enum',
    required: false,
    maxLength: null,
    showAlways: false,
    permittedValues: standardVersionValues,
    help: {
      nl: 'De versie van de publicatiestandaard die deze beschrijving volgt. Het systeem vult dit in.',
      en: 'The version of the publication standard this description follows. The system fills this in.',
    },
  }),
  field({
    key: 'source_id',
    title: { nl: 'Bron-ID', en: 'Source ID' },
    kind: 'text',
    required: false,
    maxLength: 100,
    showAlways: false,
    help: {
      nl: 'Heeft dit algoritme een eigen nummer of code in een systeem of register van uw organisatie? Vul die hier in, dan vindt u de beschrijving makkelijk terug.',
      en: 'Does this algorithm have its own number or code in a system or register of your organisation? Enter it here, so you can easily find the description again.',
    },
  }),
  field({
    key: 'tags',
    title: { nl: 'Zoektermen', en: 'Search terms' },
    kind: 'richText',
    required: false,
    maxLength: 2500,
    showAlways: false,
    help: {
      nl: 'Extra zoekwoorden, met een komma ertussen, zodat mensen deze beschrijving beter vinden. Bezoekers zien deze woorden niet op de pagina.',
      en: 'Extra search words, separated by commas, so that people find this description more easily. Visitors do not see these words on the page.',
    },
  }),
  field({
    key: 'lars',
    title: { nl: 'Algoritme-ID', en: 'Algorithm ID' },
    kind: 'system',
    required: false,
    maxLength: null,
    showAlways: null,
    help: {
      nl: 'Het vaste nummer van dit algoritme in het register, van acht cijfers. Het systeem maakt dit nummer zelf aan.',
      en: 'The permanent eight-digit number of this algorithm in the register. The system creates this number itself.',
    },
  }),
  field({
    key: 'publication_dt',
    title: { nl: 'Publicatie datum', en: 'Publication date' },
    kind: 'system',
    required: false,
    maxLength: null,
    showAlways: null,
    help: {
      nl: 'De datum waarop deze beschrijving is gepubliceerd. Het systeem vult dit in bij het publiceren.',
      en: 'The date on which this description was published. The system fills this in on publication.',
    },
  }),
]

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** Every field of standard 1.0, keyed by the standard's key, in the standard's order. */
export const publicationStandard: Readonly<Record<StandardKey, StandardFieldDefinition>> =
  deepFreeze(
    Object.fromEntries(definitions.map((definition) => [definition.key, definition])) as Record<
      StandardKey,
      StandardFieldDefinition
    >,
  )

/**
 * Keys of the fields the public page shows as fields (always or when filled), in order.
 * Leaves out `lars` and `publication_dt`, which the standard treats as metadata without a
 * `show_always` setting. `tags` is included: it is public data, although the national register
 * only uses it for search.
 */
export const PUBLIC_FIELD_KEYS: readonly StandardKey[] = Object.freeze(
  STANDARD_KEYS.filter((key) => publicationStandard[key].showAlways !== null),
)

const normaliseLabel = (label: string): string =>
  label.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl')

/**
 * Maps a label from an import (the Dutch value, the English label or an alias; case and extra
 * spaces ignored) to the Dutch value the standard stores, or null when it is not permitted.
 */
export function resolvePermittedValue(key: StandardKey, label: string): string | null {
  const permitted = publicationStandard[key].permittedValues
  if (!permitted) return null
  const wanted = normaliseLabel(label)
  if (wanted === '') return null
  const match = permitted.find((option) =>
    [option.value, option.en, ...option.aliases].some((text) => normaliseLabel(text) === wanted),
  )
  return match ? match.value : null
}
